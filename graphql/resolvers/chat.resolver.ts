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
import type { AuthedContext, GraphQLContext } from '../context.type';
import { chatScoreType } from '../types/chat-score.type';
import { BidirectionalConnectionArgs, ConnectionArgs } from '../pagination/connection.args';
import { connectionOf } from '../pagination/connection.type';
import { ChatMessageConnectionType, ChatSessionConnectionType } from '../pagination/connections.type';
import { ChatMessageType, ChatSessionType, SharedChatType } from '../types/chat.type';
import {
  DeleteChatPayload,
  ForkChatPayload,
  RegenerateReplyPayload,
  RenameChatPayload,
  RevokeChatSharePayload,
  ScoreChatPayload,
  SendChatMessagePayload,
  SetChatPolicyPayload,
  ShareChatPayload,
  StartChatPayload,
} from '../types/chat.payload';
import {
  DeleteChatInput,
  ForkChatInput,
  RegenerateReplyInput,
  RenameChatInput,
  RevokeChatShareInput,
  ScoreChatInput,
  SendChatMessageInput,
  SetChatPolicyInput,
  ShareChatInput,
  StartChatInput,
} from '../inputs/chat.input';
import { MODEL_CALL_COMPLEXITY } from '../limits/field-complexity';

@Resolver(() => ChatMessageType)
export class ChatResolver {
  @Authorized()
  @Mutation(() => StartChatPayload, { description: 'Open a chat with the partner agent of one of your PARTNER personas, optionally in a scenario.' })
  async startChat(@Ctx() ctx: AuthedContext, @Arg('input', () => StartChatInput, { description: 'The partner persona, and optionally a scenario and a policy.' }) input: StartChatInput): Promise<StartChatPayload> {
    const { partnerPersonaId, scenarioId, policy } = input;
    const chat = await startChat(ctx.em, ctx.principal.user, ctx.services.scenarioLibrary, { partnerPersonaId, scenarioId, policy });
    return { chat: ChatSessionType.from(chat) };
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
  @Mutation(() => RenameChatPayload, { description: 'Give one of your chats your own title (1–120 characters); automatic titles never replace it afterwards.' })
  async renameChat(@Ctx() ctx: AuthedContext, @Arg('input', () => RenameChatInput, { description: 'The chat and its new title.' }) input: RenameChatInput): Promise<RenameChatPayload> {
    return { chat: ChatSessionType.from(await renameChat(ctx.em, ctx.principal.user.id, input.id, input.title)) };
  }

  @Authorized()
  @Mutation(() => SetChatPolicyPayload, { description: 'What a second message does while a reply streams.' })
  async setChatPolicy(@Ctx() ctx: AuthedContext, @Arg('input', () => SetChatPolicyInput, { description: 'The chat and its new policy.' }) input: SetChatPolicyInput): Promise<SetChatPolicyPayload> {
    return { chat: ChatSessionType.from(await setChatPolicy(ctx.em, ctx.principal.user.id, input.id, input.policy)) };
  }

  @Authorized()
  @Mutation(() => DeleteChatPayload, { description: 'Deletes the chat, its messages and its events. Memories drawn from it stay until you forget them.' })
  async deleteChat(@Ctx() ctx: AuthedContext, @Arg('input', () => DeleteChatInput, { description: 'The chat to delete.' }) input: DeleteChatInput): Promise<DeleteChatPayload> {
    await deleteChat(ctx.services, ctx.em, ctx.principal.user.id, input.id);
    return { deletedChatId: input.id };
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
  @Mutation(() => SendChatMessagePayload, {
    complexity: MODEL_CALL_COMPLEXITY,
    description: 'Send a message; the reply streams on chatEvents. Idempotent: the same clientMessageId returns the same message and never asks the model twice.',
  })
  async sendChatMessage(@Ctx() ctx: AuthedContext, @Arg('input', () => SendChatMessageInput, { description: 'The chat, the text and your id for this message.' }) input: SendChatMessageInput): Promise<SendChatMessagePayload> {
    const { sessionId, content, clientMessageId } = input;
    const sent = await sendChatMessage(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user, { sessionId, content, clientMessageId });
    return { message: ChatMessageType.from(sent.message), replyId: sent.replyId };
  }

  @Authorized()
  @Mutation(() => RegenerateReplyPayload, { complexity: MODEL_CALL_COMPLEXITY, description: 'Write the latest reply again; the current version stays as an alternative.' })
  async regenerateReply(@Ctx() ctx: AuthedContext, @Arg('input', () => RegenerateReplyInput, { description: 'The reply to write again.' }) input: RegenerateReplyInput): Promise<RegenerateReplyPayload> {
    return { message: ChatMessageType.from(await regenerateReply(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user.id, input.messageId)) };
  }

  @Authorized()
  @Mutation(() => ForkChatPayload, { complexity: MODEL_CALL_COMPLEXITY, description: 'A new chat sharing the history up to this message; with `content`, that message is sent in the branch.' })
  async forkChat(@Ctx() ctx: AuthedContext, @Arg('input', () => ForkChatInput, { description: 'Where to branch, and optionally what to say in the branch.' }) input: ForkChatInput): Promise<ForkChatPayload> {
    const fork = await forkChat(chatDepsFrom(ctx.services), ctx.em, ctx.principal.user, { messageId: input.messageId, content: input.content });
    return { chat: ChatSessionType.from(fork) };
  }

  @Authorized()
  @Mutation(() => ScoreChatPayload, {
    description: 'The analysis agent scores the chat (e.g. a branch) on the simulation dimensions, citing message ids, beside the conversation measures of the same messages.',
    complexity: MODEL_CALL_COMPLEXITY,
  })
  async scoreChat(@Ctx() ctx: AuthedContext, @Arg('input', () => ScoreChatInput, { description: 'The chat to score.' }) input: ScoreChatInput): Promise<ScoreChatPayload> {
    const detail = ctx.services.llmSettings.mode === 'offline' ? 'brief' : 'full';
    return { score: chatScoreType(await scoreChat(ctx.services, ctx.em, ctx.principal.user.id, input.sessionId, detail)) };
  }

  @Authorized()
  @Mutation(() => ShareChatPayload, { description: 'A read-only share link (its token is shown once). Sharing again replaces the previous link.' })
  async shareChat(@Ctx() ctx: AuthedContext, @Arg('input', () => ShareChatInput, { description: 'The chat to share.' }) input: ShareChatInput): Promise<ShareChatPayload> {
    const { token, session } = await shareChat(ctx.services, ctx.em, ctx.principal.user.id, input.sessionId);
    return { token, chat: ChatSessionType.from(session) };
  }

  @Authorized()
  @Mutation(() => RevokeChatSharePayload, { description: 'The share link stops working at once.' })
  async revokeChatShare(@Ctx() ctx: AuthedContext, @Arg('input', () => RevokeChatShareInput, { description: 'The chat whose link to revoke.' }) input: RevokeChatShareInput): Promise<RevokeChatSharePayload> {
    return { chat: ChatSessionType.from(await revokeChatShare(ctx.em, ctx.principal.user.id, input.sessionId)) };
  }

  @Query(() => SharedChatType, { description: 'A shared chat, read-only, for anyone holding its token.' })
  async sharedChat(@Ctx() ctx: GraphQLContext, @Arg('token', { description: 'The token from the share link.' }) token: string): Promise<SharedChatType> {
    const { session, messages } = await readSharedChat(ctx.services, ctx.em, token);
    return { title: session.title, partnerName: session.persona.getEntity().name, messages: messages.map(ChatMessageType.from) };
  }
}
