import { AuthSession } from './domain/accounts/auth-session.entity';
import { RefreshToken } from './domain/accounts/refresh-token.entity';
import { UserIdentity } from './domain/accounts/user-identity.entity';
import { User } from './domain/accounts/user.entity';
import { AccessGrant } from './domain/access/access-grant.entity';
import { AuditEvent } from './domain/access/audit-event.entity';
import { ChatMessageRecord } from './domain/chats/chat-message.entity';
import { ChatSession } from './domain/chats/chat-session.entity';
import { ChatImport } from './domain/personas/chat-import.entity';
import { PersonaProfile } from './domain/personas/persona-profile.entity';
import { Persona } from './domain/personas/persona.entity';
import { CustomScenario } from './domain/simulations/custom-scenario.entity';
import { SimulationEpisode } from './domain/simulations/simulation-episode.entity';
import { SimulationEvent } from './domain/simulations/simulation-event.entity';
import { Simulation } from './domain/simulations/simulation.entity';
import { MonthlyTokenUsage } from './domain/usage/monthly-token-usage.entity';
import { UsageRecord } from './llm/usage/usage-record.entity';
import { MatchModel } from './domain/studies/match-model.entity';
import { PersonaStudyAttributes } from './domain/studies/persona-study-attributes.entity';
import { StudyDataset } from './domain/studies/study-dataset.entity';
import { Study } from './domain/studies/study.entity';
import { MediaFile } from './domain/media/media-file.entity';
import { PersonaVoiceSettings } from './domain/media/voice/persona-voice.entity';

/** Every MikroORM entity, listed explicitly (no folder scanning). */
export const entities = [User, AuthSession, RefreshToken, UserIdentity, UsageRecord, MonthlyTokenUsage, Persona, ChatImport, PersonaProfile, Simulation, SimulationEvent, SimulationEpisode, CustomScenario, ChatSession, ChatMessageRecord, AccessGrant, AuditEvent, StudyDataset, Study, MatchModel, PersonaStudyAttributes, MediaFile, PersonaVoiceSettings];
