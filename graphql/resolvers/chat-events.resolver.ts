import type { GraphQLSchema } from 'graphql';
import { Arg, Authorized, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { UnauthenticatedError, ValidationError } from '../../src/domain/errors';
import { findOwnChat } from '../../src/domain/chats/find-own-chat';
import type { ChatEvent } from '../../src/ports/chat-event-log.port';
import type { GraphQLContext } from '../context.type';
import { eventOnlyResolve } from '../subscription-event-plan';
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

/**
 * Gives the schema's chatEvents field a plain per-event resolve: the event mapped, as
 * `chatEvents` above does, without type-graphql's per-call pipeline (the @Authorized check,
 * argument conversion, handler dispatch) around each streamed event. Nothing it did there can
 * differ from subscribe time: @Authorized ran on the subscribe (type-graphql wraps it too),
 * with the same context, whose principal a subscription keeps; the arguments are unused.
 * Replaces the field's resolve in place and returns the schema.
 */
export function resolveChatEventsPlainly(schema: GraphQLSchema): GraphQLSchema {
  const field = schema.getSubscriptionType()?.getFields().chatEvents;
  if (!field) throw new Error('the schema has no chatEvents subscription');
  // Marked: the websocket server then shapes each event without graphql-js's per-event execution.
  field.resolve = eventOnlyResolve((event: ChatEvent) => ChatEventType.from(event));
  return schema;
}
