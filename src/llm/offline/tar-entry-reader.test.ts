import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readTarEntry } from './tar-entry-reader';

// Archives are made by the system tar in each format npm and others produce, then fed to the
// reader in awkward 1000-byte pieces so headers straddle chunk boundaries.
function archive(format: 'ustar' | 'pax' | 'gnu', files: Record<string, Buffer>): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tar-test-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, 'src', name, '..'), { recursive: true });
      writeFileSync(join(dir, 'src', name), content);
    }
    execFileSync('tar', ['--format', format, '-cf', join(dir, 'out.tar'), '-C', join(dir, 'src'), ...Object.keys(files)]);
    return readFileSync(join(dir, 'out.tar'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inPieces(buffer: Buffer, size = 1000): Readable {
  const pieces: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) pieces.push(buffer.subarray(i, i + size));
  return Readable.from(pieces);
}

async function extract(tar: Buffer, name: string): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  const found = await readTarEntry(inPieces(tar), name, (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return found ? Buffer.concat(chunks) : undefined;
}

describe('tar entry reader', () => {
  const payload = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 7) % 256));
  const longName = `package/${'deep/'.repeat(25)}model.part`;

  for (const format of ['ustar', 'pax', 'gnu'] as const) {
    it(`When a ${format} archive holds the entry after others, Then exactly its bytes are streamed out`, async () => {
      const tar = archive(format, { 'package/package.json': Buffer.from('{}'), 'package/model.part': payload, 'package/README.md': Buffer.from('x') });
      expect(await extract(tar, 'package/model.part')).toEqual(payload);
    });
  }

  it('When the entry name is longer than 100 bytes (pax and GNU long names), Then it is still found', async () => {
    expect(await extract(archive('pax', { [longName]: payload }), longName)).toEqual(payload);
    expect(await extract(archive('gnu', { [longName]: payload }), longName)).toEqual(payload);
  });

  it('When the archive lacks the entry, Then the reader says so', async () => {
    expect(await extract(archive('ustar', { 'package/other': payload }), 'package/model.part')).toBeUndefined();
  });

  it('When the archive is truncated inside the entry, Then it fails loudly', async () => {
    const tar = archive('ustar', { 'package/other': payload, 'package/model.part': payload });
    await expect(extract(tar.subarray(0, tar.length / 2), 'package/model.part')).rejects.toThrow(/ends in the middle/);
  });
});
