import { Field, ID, ObjectType } from 'type-graphql';
import { ImportResultType } from './import-result.type';
import { PersonaProfileType } from './persona-profile.type';
import { PersonaType } from './persona.type';

@ObjectType('CreatePersonaPayload', { description: 'The result of createPersona.' })
export class CreatePersonaPayload {
  @Field(() => PersonaType, { description: 'The new persona.' })
  persona!: PersonaType;
}

@ObjectType('UpdatePersonaPayload', { description: 'The result of updatePersona.' })
export class UpdatePersonaPayload {
  @Field(() => PersonaType, { description: 'The persona as it is now.' })
  persona!: PersonaType;
}

@ObjectType('DeletePersonaPayload', { description: 'The result of deletePersona.' })
export class DeletePersonaPayload {
  @Field(() => ID, { description: 'The id of the persona that was deleted.' })
  deletedPersonaId!: string;
}

@ObjectType('SetPersonaConsentPayload', { description: 'The result of setPersonaConsent.' })
export class SetPersonaConsentPayload {
  @Field(() => PersonaType, { description: 'The persona with its new consent.' })
  persona!: PersonaType;
}

@ObjectType('AnalyzePersonaPayload', { description: 'The result of analyzePersona.' })
export class AnalyzePersonaPayload {
  @Field(() => PersonaProfileType, { description: 'The new profile version, queued; progress streams on personaAnalysisEvents.' })
  profile!: PersonaProfileType;
}

@ObjectType('ImportCharacterCardPayload', { description: 'The result of importCharacterCard.' })
export class ImportCharacterCardPayload {
  @Field(() => PersonaType, { description: 'The new PARTNER persona made from the card.' })
  persona!: PersonaType;
}

@ObjectType('ImportChatLogPayload', { description: 'The result of importChatLog.' })
export class ImportChatLogPayload {
  @Field(() => ImportResultType, { description: 'What the import added.' })
  chatLogImport!: ImportResultType;
}
