import type { DataKeyRing } from '../../ports/data-key-ring.port';
import type { NewTranscriptMessage, TranscriptMessage, TranscriptStore } from '../../ports/transcript-store.port';
import { TRANSCRIPT_LIMITS, TranscriptInputError, validateMessages } from '../transcripts/transcript-input';
import { DecryptionError, decryptText, encryptText, isEncrypted } from './field-cipher';

/**
 * Encryption at rest for any TranscriptStore: each message's `text` and `sender` (a real
 * person's name, for imported logs) are encrypted with the owner's data key, bound to owner,
 * conversation, message (dedupe key) and field, and every read decrypts them. Ids, kind,
 * role, seq, times, batch and dedupe keys and `metadata` stay in the clear: the store pages,
 * dedupes and erases by them, and metadata holds only ids and numbers (chat message ids,
 * turn numbers, imported line numbers), never content. Appends stay idempotent: the inner
 * store dedupes by (conversation, dedupe key), never by text, so fresh IVs change nothing.
 *
 * Messages are checked here before anything is encrypted, so callers get the inner store's
 * TranscriptInputError for plaintext that breaks its rules. Ciphertext is longer than its
 * plaintext (UTF-8, then base64): a text or sender whose ciphertext would pass the store's
 * limit is refused here (about 74,000 ASCII or 24,000 CJK characters of text, 160 bytes
 * of UTF-8 for a sender).
 */
export class EncryptingTranscriptStore implements TranscriptStore {
  constructor(
    private readonly inner: TranscriptStore,
    private readonly keys: DataKeyRing,
  ) {}

  async append(messages: NewTranscriptMessage[]): Promise<{ inserted: number; duplicates: number }> {
    const valid = validateMessages(messages);
    if (valid.length === 0) return this.inner.append([]);
    const keys = await this.keysOf(valid.map((m) => m.ownerId), (owner) => this.keys.keyFor(owner));
    const sealed = valid.map(({ size: _size, ...m }, i): NewTranscriptMessage => {
      const key = keys.get(m.ownerId)!;
      return {
        ...m,
        text: fits(`messages[${i}].text`, encryptText(key, m.text, placeOf(m, 'text')), TRANSCRIPT_LIMITS.maxTextChars),
        sender: fits(`messages[${i}].sender`, encryptText(key, m.sender, placeOf(m, 'sender')), TRANSCRIPT_LIMITS.maxSenderChars),
      };
    });
    return this.inner.append(sealed);
  }

  async list(
    conversationId: string,
    options?: { afterSeq?: number; beforeSeq?: number; limit?: number; order?: 'asc' | 'desc' },
  ): Promise<TranscriptMessage[]> {
    return this.reveal(await this.inner.list(conversationId, options));
  }

  async getByIds(ownerId: string, ids: string[]): Promise<TranscriptMessage[]> {
    return this.reveal(await this.inner.getByIds(ownerId, ids));
  }

  async findByDedupeKey(conversationId: string, dedupeKey: string): Promise<TranscriptMessage | null> {
    const found = await this.inner.findByDedupeKey(conversationId, dedupeKey);
    return found ? (await this.reveal([found]))[0]! : null;
  }

  async findByDedupeKeys(conversationId: string, dedupeKeys: string[]): Promise<TranscriptMessage[]> {
    return this.reveal(await this.inner.findByDedupeKeys(conversationId, dedupeKeys));
  }

  async listByOwner(ownerId: string, options?: { afterId?: string; limit?: number }): Promise<TranscriptMessage[]> {
    return this.reveal(await this.inner.listByOwner(ownerId, options));
  }

  count(conversationId: string): Promise<number> {
    return this.inner.count(conversationId);
  }

  deleteBatch(conversationId: string, batchId: string): Promise<number> {
    return this.inner.deleteBatch(conversationId, batchId);
  }

  deleteConversation(conversationId: string): Promise<number> {
    return this.inner.deleteConversation(conversationId);
  }

  deleteByOwner(ownerId: string): Promise<number> {
    return this.inner.deleteByOwner(ownerId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Decrypts each message with its owner's key (a conversation may hold several owners). */
  private async reveal(messages: TranscriptMessage[]): Promise<TranscriptMessage[]> {
    const encrypted = messages.filter((m) => isEncrypted(m.text) || isEncrypted(m.sender));
    if (encrypted.length === 0) return messages; // empty, or all written before encryption (migration path)
    const keys = await this.keysOf(encrypted.map((m) => m.ownerId), (owner) => this.keys.existingKeyFor(owner));
    return messages.map((m) => {
      if (!isEncrypted(m.text) && !isEncrypted(m.sender)) return m;
      const key = keys.get(m.ownerId);
      if (!key) throw new DecryptionError(`message ${m.id} is encrypted and its owner has no data key (erased?)`);
      return { ...m, text: decryptText(key, m.text, placeOf(m, 'text')), sender: decryptText(key, m.sender, placeOf(m, 'sender')) };
    });
  }

  private async keysOf<K>(owners: string[], lookup: (owner: string) => Promise<K>): Promise<Map<string, K>> {
    const distinct = [...new Set(owners)];
    const found = await Promise.all(distinct.map(lookup));
    return new Map(distinct.map((owner, i) => [owner, found[i]!]));
  }
}

/** The AAD of one field of one message: it opens only there. */
function placeOf(m: Pick<NewTranscriptMessage, 'ownerId' | 'conversationId' | 'dedupeKey'>, field: 'text' | 'sender'): string {
  return JSON.stringify(['transcript', field, m.ownerId.toLowerCase(), m.conversationId, m.dedupeKey]);
}

function fits(field: string, ciphertext: string, maxChars: number): string {
  if (ciphertext.length > maxChars) {
    throw new TranscriptInputError(`${field}: too long to store encrypted (${ciphertext.length} characters encrypted, at most ${maxChars})`);
  }
  return ciphertext;
}
