import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { importChatLog } from '../../src/domain/personas/import-chat-log';
import type { AuthedContext } from '../context.type';
import { ImportChatLogInput } from '../inputs/import-chat-log.input';
import { ImportResultType } from '../types/import-result.type';

@Resolver()
export class PersonaImportResolver {
  @Authorized()
  @Mutation(() => ImportResultType, {
    description: 'Import a chat-log export into a persona. A malformed file fails with IMPORT_PARSE_FAILED naming the line, and leaves nothing behind.',
  })
  async importChatLog(
    @Ctx() ctx: AuthedContext,
    @Arg('personaId', () => ID, { description: 'One of your personas: the person whose messages these are.' }) personaId: string,
    @Arg('input', () => ImportChatLogInput, { description: 'The export file’s text, its format and which speaker is the persona.' }) input: ImportChatLogInput,
  ): Promise<ImportResultType> {
    const result = await importChatLog({ em: ctx.em, transcripts: ctx.services.transcripts, dataKeys: ctx.services.dataKeys }, ctx.principal.user.id, personaId, input);
    return Object.assign(new ImportResultType(), result);
  }
}
