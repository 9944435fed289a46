import { z } from 'zod';

/** Rich text is a list of plain strings and entities (links, bold, mentions, custom emoji) that each carry their text. */
const textEntity = z.object({ type: z.string(), text: z.string() });
const richText = z.union([z.string(), z.array(z.union([z.string(), textEntity]))]);

/**
 * One entry of `messages` in a Telegram Desktop chat export (result.json). Only the fields the
 * import reads are checked; Telegram adds fields over versions and those must not break it.
 */
export const telegramMessageSchema = z.object({
  type: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, 'must look like 2023-12-31T21:41:05'),
  date_unixtime: z.string().regex(/^\d+$/, 'must be whole seconds').optional(),
  from: z.string().nullable().optional(),
  text: richText.optional(),
  text_entities: z.array(textEntity).optional(),
  photo: z.string().optional(),
  file: z.string().optional(),
  media_type: z.string().optional(),
  mime_type: z.string().optional(),
  contact_information: z.unknown().optional(),
  location_information: z.unknown().optional(),
  poll: z.unknown().optional(),
});

export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
export type TelegramRichText = z.infer<typeof richText>;

/** A single-chat export: `{ name, type, id, messages: [...] }`. Messages are checked one by one to name the bad one. */
export const telegramChatSchema = z.object({ messages: z.array(z.unknown()) });

/** The "Export Telegram data" archive of a whole account nests every chat under `chats.list`. */
export const telegramAccountExportSchema = z.object({ chats: z.object({ list: z.array(z.unknown()) }) });
