import { z } from 'zod';

// Limits that keep one request's cost bounded on a server that holds requests in memory.
export const MAX_CHAT_MESSAGES = 1000;

const textPartSchema = z.looseObject({ type: z.literal('text'), text: z.string() });
// Images, audio and files are accepted on the wire (clients send them) but carry no text here.
const otherPartSchema = z.looseObject({ type: z.string() });

export const chatMessageContentSchema = z.union([z.string(), z.array(z.union([textPartSchema, otherPartSchema])), z.null()]);

export const chatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: chatMessageContentSchema.optional(),
  name: z.string().optional(),
  tool_calls: z.array(z.unknown()).optional(),
  tool_call_id: z.string().optional(),
});

export const jsonSchemaResponseFormatSchema = z.looseObject({
  type: z.literal('json_schema'),
  json_schema: z.looseObject({
    name: z.string(),
    description: z.string().optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

export const responseFormatSchema = z.union([
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  jsonSchemaResponseFormatSchema,
]);

/** POST /v1/chat/completions body: the fields an OpenAI-compatible server must honour; others pass through. */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1).max(MAX_CHAT_MESSAGES),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  response_format: responseFormatSchema.nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  // Token probabilities: the first generated token's `top_logprobs` candidates (OpenAI allows 0–20).
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  n: z.literal(1, { message: 'only n = 1 is supported' }).nullish(),
  user: z.string().nullish(),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;
export type ChatMessageContent = z.infer<typeof chatMessageContentSchema>;
export type ResponseFormat = z.infer<typeof responseFormatSchema>;
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
