import { hkdfSync } from 'node:crypto';
import { JsonPlusSerializer, type SerializerProtocol } from '@langchain/langgraph-checkpoint';
import { open, seal } from '../encryption/field-cipher';

/** Stored types of sealed values: `sealed:<master key id>:<inner type>`. */
const SEALED = /^sealed:([^:]+):(.+)$/;

/** The checkpoint key of one master key: its own HKDF-SHA256 derivation, used for nothing else. */
export function checkpointKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'soullink/checkpoints/v1', 32));
}

/**
 * LangGraph's serializer with sealing: `sealTyped` encrypts a dumped value (AES-256-GCM under
 * the checkpoint key of the current master key, its id in the stored type), and `loadsTyped`
 * opens sealed values before decoding them (by their key id, so values sealed before a
 * master-key rotation still open with the retired key) — unsealed values, written before
 * sealing existed, load as before.
 */
export class SealingSerde implements SerializerProtocol {
  private readonly inner = new JsonPlusSerializer();
  private readonly keys: Map<string, Buffer>;

  constructor(
    private readonly current: { id: string; masterKey: Buffer },
    retired: Record<string, Buffer> = {},
  ) {
    this.keys = new Map([...Object.entries(retired).map(([id, key]): [string, Buffer] => [id, checkpointKey(key)]), [current.id, checkpointKey(current.masterKey)]]);
  }

  dumpsTyped(data: unknown): Promise<[string, Uint8Array]> {
    return this.inner.dumpsTyped(data);
  }

  async loadsTyped(type: string, data: Uint8Array | string): Promise<unknown> {
    const sealed = SEALED.exec(type);
    if (!sealed) return this.inner.loadsTyped(type, data);
    const [, keyId, innerType] = sealed;
    const key = this.keys.get(keyId!);
    if (!key) throw new Error(`a checkpoint value is sealed with master key ${JSON.stringify(keyId)}, which is not configured (MASTER_KEY_RETIRED)`);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    return this.inner.loadsTyped(innerType!, new Uint8Array(open(key, bytes, `checkpoint:${innerType}`)));
  }

  /** A dumped value sealed, with its stored type. */
  sealTyped(type: string, value: Uint8Array): [string, Uint8Array] {
    const key = this.keys.get(this.current.id)!;
    return [`sealed:${this.current.id}:${type}`, new Uint8Array(seal(key, Buffer.from(value), `checkpoint:${type}`))];
  }
}
