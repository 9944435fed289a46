const BLOCK = 512;
// Pax and GNU long-name records are small; anything bigger is not a tarball we understand.
const MAX_METADATA_BYTES = 1024 * 1024;

/**
 * Streams the contents of the entry named `wanted` out of an (already gunzipped) tar stream to
 * `onData`, without buffering it: model slices are hundreds of megabytes. Understands ustar
 * names with prefixes, pax `path` records and GNU long names, which is all npm tarballs use.
 * Returns false when the archive has no such entry.
 */
export async function readTarEntry(
  tar: AsyncIterable<Buffer>,
  wanted: string,
  onData: (chunk: Buffer) => Promise<void> | void,
): Promise<boolean> {
  let header = Buffer.alloc(0);
  let dataLeft = 0;
  let padLeft = 0;
  let target: 'wanted' | 'skip' | 'metadata' = 'skip';
  let metadata: Buffer[] = [];
  let metadataKind = '';
  let nextName: string | undefined;

  for await (const input of tar) {
    let chunk = input;
    while (chunk.length > 0) {
      if (dataLeft > 0) {
        const take = chunk.subarray(0, Math.min(dataLeft, chunk.length));
        chunk = chunk.subarray(take.length);
        dataLeft -= take.length;
        if (target === 'wanted') await onData(take);
        else if (target === 'metadata') metadata.push(take);
        if (dataLeft === 0) {
          if (target === 'wanted') return true;
          if (target === 'metadata') nextName = parseLongName(metadataKind, Buffer.concat(metadata)) ?? nextName;
        }
        continue;
      }
      if (padLeft > 0) {
        const skip = Math.min(padLeft, chunk.length);
        chunk = chunk.subarray(skip);
        padLeft -= skip;
        continue;
      }
      const need = BLOCK - header.length;
      header = Buffer.concat([header, chunk.subarray(0, need)]);
      chunk = chunk.subarray(Math.min(need, chunk.length));
      if (header.length < BLOCK) continue;

      const block = header;
      header = Buffer.alloc(0);
      if (block.every((byte) => byte === 0)) return false; // end-of-archive marker
      const size = parseSize(block.subarray(124, 136));
      const type = String.fromCharCode(block[156] || 0x30);
      const name = nextName ?? ustarName(block);
      dataLeft = size;
      padLeft = (BLOCK - (size % BLOCK)) % BLOCK;

      if (type === 'x' || type === 'L') {
        if (size > MAX_METADATA_BYTES) throw new Error(`tar: ${size}-byte ${type} record is too large`);
        target = 'metadata';
        metadataKind = type;
        metadata = [];
        continue;
      }
      nextName = undefined;
      target = name === wanted && (type === '0' || type === '\0') ? 'wanted' : 'skip';
      if (target === 'wanted' && size === 0) return true;
    }
  }
  if (dataLeft > 0 || padLeft > 0 || header.length > 0) throw new Error('tar: archive ends in the middle of an entry');
  return false;
}

function ustarName(block: Buffer): string {
  const name = cString(block.subarray(0, 100));
  const isUstar = block.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = isUstar ? cString(block.subarray(345, 500)) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function parseSize(field: Buffer): number {
  // GNU base-256 encoding for sizes over 8 GiB: high bit set, big-endian binary.
  if (field[0] & 0x80) {
    let value = field[0] & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i];
    return value;
  }
  const octal = cString(field).trim();
  return octal === '' ? 0 : parseInt(octal, 8);
}

/** The entry name carried by a pax header (`path=` record) or a GNU long-name record. */
function parseLongName(kind: string, data: Buffer): string | undefined {
  if (kind === 'L') return cString(data);
  // pax records: "<length> <key>=<value>\n", length counting the whole record
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(data.subarray(offset, space).toString('latin1'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, offset + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') return record.slice(eq + 1);
    offset += length;
  }
  return undefined;
}
