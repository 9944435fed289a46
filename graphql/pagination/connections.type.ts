import { ObjectType } from 'type-graphql';
import { Connection } from './connection.type';
import { AccessGrantType, AuditEventType } from '../types/access.type';
import { ChatMessageType, ChatSessionType } from '../types/chat.type';
import { MemoryType } from '../types/memory.type';
import { PersonaProfileType } from '../types/persona-profile.type';
import { PersonaType } from '../types/persona.type';
import { SimulationType } from '../types/simulation.type';
import { StudyDatasetType } from '../types/study-dataset.type';
import { MatchModelType } from '../types/study-match-model.type';
import { StudyType } from '../types/study.type';

// Every list that can grow, one connection each (graphql/pagination.schema.test.ts keeps it so).

@ObjectType('AccessGrantConnection', { description: 'A page of access grants, newest first.' })
export class AccessGrantConnectionType extends Connection(AccessGrantType, 'AccessGrant', 'access grant') {}

@ObjectType('AuditEventConnection', { description: 'A page of audit events, newest first.' })
export class AuditEventConnectionType extends Connection(AuditEventType, 'AuditEvent', 'audit event') {}

@ObjectType('ChatSessionConnection', { description: 'A page of your chats, most recently active first.' })
export class ChatSessionConnectionType extends Connection(ChatSessionType, 'ChatSession', 'chat') {}

@ObjectType('ChatMessageConnection', { description: 'A page of a chat’s messages, oldest first (by position); without first/last, the latest ones.' })
export class ChatMessageConnectionType extends Connection(ChatMessageType, 'ChatMessage', 'message') {}

@ObjectType('MemoryConnection', { description: 'A page of memories, newest first or ranked by a search.' })
export class MemoryConnectionType extends Connection(MemoryType, 'Memory', 'memory') {}

@ObjectType('PersonaConnection', { description: 'A page of your personas, newest first.' })
export class PersonaConnectionType extends Connection(PersonaType, 'Persona', 'persona') {}

@ObjectType('PersonaProfileConnection', { description: 'A page of a persona’s profile versions, newest first.' })
export class PersonaProfileConnectionType extends Connection(PersonaProfileType, 'PersonaProfile', 'profile version') {}

@ObjectType('SimulationConnection', { description: 'A page of your simulations, newest first.' })
export class SimulationConnectionType extends Connection(SimulationType, 'Simulation', 'simulation') {}

@ObjectType('StudyDatasetConnection', { description: 'A page of your study datasets, newest first.' })
export class StudyDatasetConnectionType extends Connection(StudyDatasetType, 'StudyDataset', 'dataset') {}

@ObjectType('StudyConnection', { description: 'A page of your studies, newest first.' })
export class StudyConnectionType extends Connection(StudyType, 'Study', 'study') {}

@ObjectType('MatchModelConnection', { description: 'A page of your match models, newest first (a name’s versions newest first).' })
export class MatchModelConnectionType extends Connection(MatchModelType, 'MatchModel', 'match model') {}
