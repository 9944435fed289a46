import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FilesystemObjectStore } from './filesystem-object-store';
import { objectStoreContract } from './object-store.contract';

const root = mkdtempSync(join(tmpdir(), 'soullink-objects-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

objectStoreContract('filesystem', async () => new FilesystemObjectStore(root));
