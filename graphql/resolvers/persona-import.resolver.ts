import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { importChatLog } from '../../src/domain/personas/import-chat-log';
import type { AuthedContext } from '../context.type';
import { ImportChatLogInput } from '../inputs/import-chat-log.input';
import { ImportResultType } from '../types/import-result.type';
import { ImportChatLogPayload } from '../types/persona.payload';

@Resolver()
export class PersonaImportResolver {
  @Authorized()
  @Mutation(() => ImportChatLogPayload, {
    description: 'Import a chat-log export into a persona. A malformed file fails with IMPORT_PARSE_FAILED naming the line, and leaves nothing behind.',
  })
  async importChatLog(
    @Ctx() ctx: AuthedContext,
    @Arg('input', () => ImportChatLogInput, { description: 'The persona, the export file’s text, its format and which speaker is the persona.' }) input: ImportChatLogInput,
  ): Promise<ImportChatLogPayload> {
    const { personaId, ...file } = input;
    const result = await importChatLog({ em: ctx.em, transcripts: ctx.services.transcripts, dataKeys: ctx.services.dataKeys, clock: ctx.services.clock }, ctx.principal.user.id, personaId, file);
    return { chatLogImport: Object.assign(new ImportResultType(), result) };
  }
}
