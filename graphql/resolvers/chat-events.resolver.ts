import { Arg, Authorized, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { UnauthenticatedError, ValidationError } from '../../src/domain/errors';
import { findOwnChat } from '../../src/domain/chats/find-own-chat';
import type { ChatEvent } from '../../src/ports/chat-event-log.port';
import type { GraphQLContext } from '../context.type';
import { ChatEventType } from '../types/chat.type';

@Resolver()
export class ChatEventsResolver {
  @Authorized()
  @Subscription(() => ChatEventType, {
    description:
      'A chat’s events after `afterSeq` (default 0: everything the log still holds): AI_CHUNK, AI_COMPLETE, SUGGESTIONS, ERROR, SYSTEM. Reconnect with the last seq you saw to get exactly what you missed; an EVENTS_TRIMMED SYSTEM event says to refetch chatMessages instead.',
    subscribe: async ({ args, context }) => {
      const ctx = context as GraphQLContext;
      if (!ctx.principal) throw new UnauthenticatedError();
      const afterSeq = Number(args.afterSeq ?? 0);
      if (!Number.isInteger(afterSeq) || afterSeq < 0) throw new ValidationError('afterSeq', 'afterSeq must be a non-negative integer');
      const session = await findOwnChat(ctx.em, ctx.principal.user.id, String(args.sessionId));
      return ctx.services.chatEvents.stream(session.id, afterSeq);
    },
  })
  chatEvents(
    @Root() event: ChatEvent,
    @Arg('sessionId', () => ID, { description: 'One of your chats.' }) _sessionId: string,
    @Arg('afterSeq', () => Int, { description: 'The last ChatEvent.seq you saw; events after it are replayed from the log, then live ones follow. 0: everything the log still holds.', defaultValue: 0 }) _afterSeq: number,
  ): ChatEventType {
    return ChatEventType.from(event);
  }
}
