import { createHash } from 'node:crypto';
import type { ChatCompletionRequest } from '../openai-compat/chat-completion.request';

/** The image URLs of a request's messages (OpenAI `image_url` parts), in order. */
export function requestImages(request: ChatCompletionRequest): string[] {
  const urls: string[] = [];
  for (const message of request.messages) {
    if (!Array.isArray(message.content)) continue;
    for (const part of message.content) {
      const url = (part as { type: string; image_url?: { url?: unknown } | string }).image_url;
      if (part.type !== 'image_url') continue;
      const value = typeof url === 'string' ? url : url?.url;
      if (typeof value === 'string') urls.push(value);
    }
  }
  return urls;
}

/**
 * What the stub "sees" in an image, deterministically: its media type, size and a hash of
 * its bytes (no pixels are looked at). The same image always gets the same words, so tests
 * can assert what a user would read.
 */
export function describeImage(url: string, index: number, total: number): string {
  const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(url);
  const bytes = match ? Buffer.from(match[2]!, 'base64') : Buffer.from(url);
  const type = match ? match[1] : 'linked image';
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
  return `stub vision: image ${index + 1} of ${total} (${type}, ${(bytes.length / 1024).toFixed(1)} KB, sha256 ${hash})`;
}

/**
 * The stub's answer to a request with images: for a JSON schema with an `observations`
 * array, one observation per image (the first `kind` the schema allows, the description as
 * the note); otherwise the descriptions as prose. Null when the request has no images.
 */
export function visionReply(request: ChatCompletionRequest): string | null {
  const images = requestImages(request);
  if (images.length === 0) return null;
  const notes = images.map((url, i) => describeImage(url, i, images.length));
  const format = request.response_format;
  if (format?.type === 'json_schema') {
    const observations = (format.json_schema.schema as { properties?: { observations?: { items?: { properties?: { kind?: { enum?: unknown[] } } } } } } | undefined)
      ?.properties?.observations;
    if (observations) {
      const kind = observations.items?.properties?.kind?.enum?.[0] ?? 'appearance';
      return JSON.stringify({ observations: notes.map((note) => ({ kind, note })) });
    }
    return null;
  }
  return notes.join('\n');
}
