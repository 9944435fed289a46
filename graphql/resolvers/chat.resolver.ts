import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { chatDepsFrom } from '../../src/domain/chats/chat-services';
import { deleteChat } from '../../src/domain/chats/delete-chat';
import { findOwnChat } from '../../src/domain/chats/find-own-chat';
import { forkChat } from '../../src/domain/chats/fork-chat';
import { listChatMessages } from '../../src/domain/chats/list-chat-messages';
import { listChats } from '../../src/domain/chats/list-chats';
import { regenerateReply } from '../../src/domain/chats/regenerate-reply';
import { renameChat, setChatPolicy } from '../../src/domain/chats/rename-chat';
import { scoreChat } from '../../src/domain/chats/score-chat';
import { sendChatMessage } from '../../src/domain/chats/send-chat-message';
import { readSharedChat, revokeChatShare, shareChat } from '../../src/domain/chats/share-chat';
import { startChat } from '../../src/domain/chats/start-chat';
import { ChatPolicy } from '../../src/domain/chats/chat-policy';
import type { AuthedContext, GraphQLContext } from '../context.type';
import { ChatScoreType, chatScoreType } from '../types/chat-score.type';
import { BidirectionalConnectionArgs, ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { ChatMessageConnectionType, ChatSessionConnectionType } from '../pagination/connections.type';
import {
  ChatMessageType,
  ChatSessionType,
  ChatShareType,
  SentChatMessageType,
  SharedChatType,
} from '../types/chat.type';

@Resolver(() => ChatMessageType)
export class ChatResolver {
  @Authorized()
  @Mutation(() => ChatSessionType, { description: 'Open a chat with the partner agent of one of your PARTNER personas, optionally in a scenario.' })
  async startChat(
    @Ctx() ctx: AuthedContext,
    @Arg('partnerPersonaId', () => ID, { description: 'One of your PARTNER personas (it needs consent if its messages were imported).' }) partnerPersonaId: string,
    @Arg('scenarioId', () => String, { description: 'A scenario template id (see scenarios) to set the scene; leave out for an open chat.', nullable: true }) scenarioId?: string | null,
    @Arg('policy', () => ChatPolicy, { description: 'What a second message does while a reply streams; default ENQUEUE.', nullable: true }) policy?: ChatPolicy | null,
  ): Promise<ChatSessionType> {
    return ChatSessionType.from(await startChat(ctx.em, ctx.principal.user, ctx.services.scenarioLibrary, { partnerPersonaId, scenarioId, policy }));
  }

  @Authorized()
  @Query(() => ChatSessionConnectionType, { description: 'Your chats, most recently active first (at most 50 a page).' })
  async chatSessions(
    @Ctx() ctx: AuthedContext,
    @Args() page: ConnectionArgs,
    @Arg('partnerPersonaId', () => ID, { description: 'Only chats with this persona.', nullable: true }) partnerPersonaId?: string | null,
  ): Promise<ChatSessionConnectionType> {
    return connectionOf(await listChats(ctx.em, ctx.principal.user.id, { personaId: partnerPersonaId }, page), ChatSessionType.from);
  }

  @Authorized()
  @Query(() => ChatSessionType, { description: 'One of your chats (NOT_FOUND for anyone else’s).' })
  async chatSession(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The chat.' }) id: string): Promise<ChatSessionType> {
    return ChatSessionType.from(await findOwnChat(ctx.em, ctx.principal.user.id, id));
  }

  @Authorized()
  @Mutation(() => ChatSessionType, { description: 'Give one of your chats your own title (1–120 characters); automatic titles never replace it afterwards.' })
  async renameChat(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The chat.' }) id: string, @Arg('title', { description: 'The new title, 1–120 characters (trimmed).' }) title: string): Promise<ChatSessionType> {
    return ChatSessionType.from(await renameChat(ctx.em, ctx.principal.user.id, id, title));
  }

  @Authorized()
  @Mutation(() => ChatSessionType, { description: 'What a second message does while a reply streams.' })
  async setChatPolicy(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The chat.' }) id: string, @Arg('policy', () => ChatPolicy, { description: 'The new policy; it applies to the next message.' }) policy: ChatPolicy): Promise<ChatSessionType> {
    return ChatSessionType.from(await setChatPolicy(ctx.em, ctx.principal.user.id, id, policy));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Deletes the chat, its messages and its events. Memories drawn from it stay until you forget them.' })
  async deleteChat(@Ctx() ctx: AuthedContext, @Arg('id', () => ID, { description: 'The chat to delete.' }) id: string): Promise<boolean> {
    return deleteChat(ctx.services, ctx.em, ctx.principal.user.id, id);
  }

  @Authorized()
  @Query(() => ChatMessageConnectionType, {
    description:
      'A page of the conversation, oldest first (at most 100 a page). Without first/last, the latest 20; for older messages pass `last` and the page’s pageInfo.startCursor as `before` (hasPreviousPage says whether there are any); `first`/`after` reads forwards.',
  })
  async chatMessages(
    @Ctx() ctx: AuthedContext,
    @Arg('sessionId', () => ID, { description: 'One of your chats.' }) sessionId: string,
    @Args() page: BidirectionalConnectionArgs,
  ): Promise<ChatMessageConnectionType> {
    return connectionOf(await listChatMessages(ctx.services, ctx.em, ctx.principal.user.id, sessionId, page), ChatMessageType.from);
  }

  @FieldResolver(() => [ChatMessageType], { description: 'Earlier versions of a regenerated reply, oldest first; empty for messages never regenerated.' })
  async alternatives(@Root() message: ChatMessageType, @Ctx() ctx: GraphQLContext): Promise<ChatMessageType[]> {
    // Only reachable through a message the caller could already read (their chat or a share link).
    // Batched per operation: a page of messages costs one lookup, not one per message.
    return (await ctx.loaders.chatMessageAlternatives.load(message)).map(ChatMessageType.from);
  }

  @Authorized()
  @Mutation(() => SentChatMessageType, {
    description: 'Send a message; the reply streams on chatEvents. Idempotent: the same clientMessageId returns the same message and never asks the model twice.',
  })
  async sendChatMessage(
    @Ctx() ctx: AuthedContext,
    @Arg('sessionId', () => ID, { description: 'One of your chats.' }) sessionId: string,
    @Arg('content', { description: 'The message text.' }) content: string,
    @Arg('clientMessageId', { description: 'An id you generate per message (e.g. a UUID) so a retried send is not sent twice; it comes back in the USER_MESSAGE event.' }) clientMessageId: string,
  ): Promise<SentChatMessageType> {
    const sent = await sendChatMessage(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user, { sessionId, content, clientMessageId });
    return { message: ChatMessageType.from(sent.message), replyId: sent.replyId };
  }

  @Authorized()
  @Mutation(() => ChatMessageType, { description: 'Write the latest reply again; the current version stays as an alternative.' })
  async regenerateReply(@Ctx() ctx: AuthedContext, @Arg('messageId', () => ID, { description: 'The latest partner reply of the chat.' }) messageId: string): Promise<ChatMessageType> {
    return ChatMessageType.from(await regenerateReply(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user.id, messageId));
  }

  @Authorized()
  @Mutation(() => ChatSessionType, { description: 'A new chat sharing the history up to this message; with `content`, that message is sent in the branch.' })
  async forkChat(
    @Ctx() ctx: AuthedContext,
    @Arg('messageId', () => ID, { description: 'The message the branch starts after: history up to and including it is shared.' }) messageId: string,
    @Arg('content', () => String, { description: 'A message to send in the branch at once (the alternative to what was said next); leave out to branch without sending.', nullable: true }) content?: string | null,
  ): Promise<ChatSessionType> {
    const fork = await forkChat(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user, { messageId, content });
    return ChatSessionType.from(fork);
  }

  @Authorized()
  @Mutation(() => ChatScoreType, {
    description: 'The analysis agent scores the chat (e.g. a branch) on the simulation dimensions, citing message ids, beside the conversation measures of the same messages.',
  })
  async scoreChat(@Ctx() ctx: AuthedContext, @Arg('sessionId', () => ID, { description: 'One of your chats (its current branch’s latest 80 messages are scored).' }) sessionId: string): Promise<ChatScoreType> {
    const detail = ctx.services.llmSettings.mode === 'offline' ? 'brief' : 'full';
    return chatScoreType(await scoreChat(ctx.services, ctx.em, ctx.principal.user.id, sessionId, detail));
  }

  @Authorized()
  @Mutation(() => ChatShareType, { description: 'A read-only share link (its token is shown once). Sharing again replaces the previous link.' })
  async shareChat(@Ctx() ctx: AuthedContext, @Arg('sessionId', () => ID, { description: 'One of your chats.' }) sessionId: string): Promise<ChatShareType> {
    const { token, session } = await shareChat(ctx.em, ctx.principal.user.id, sessionId);
    return { token, session: ChatSessionType.from(session) };
  }

  @Authorized()
  @Mutation(() => ChatSessionType, { description: 'The share link stops working at once.' })
  async revokeChatShare(@Ctx() ctx: AuthedContext, @Arg('sessionId', () => ID, { description: 'One of your chats.' }) sessionId: string): Promise<ChatSessionType> {
    return ChatSessionType.from(await revokeChatShare(ctx.em, ctx.principal.user.id, sessionId));
  }

  @Query(() => SharedChatType, { description: 'A shared chat, read-only, for anyone holding its token.' })
  async sharedChat(@Ctx() ctx: GraphQLContext, @Arg('token', { description: 'The token from the share link.' }) token: string): Promise<SharedChatType> {
    const { session, messages } = await readSharedChat(ctx.services, ctx.em, token);
    return { title: session.title, partnerName: session.persona.getEntity().name, messages: messages.map(ChatMessageType.from) };
  }
}
