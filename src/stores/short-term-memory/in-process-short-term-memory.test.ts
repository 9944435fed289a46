import { InProcessShortTermMemory } from './in-process-short-term-memory';
import { shortTermMemoryContract } from './short-term-memory.contract';

shortTermMemoryContract('in-process', async (ttl) => ({ memory: new InProcessShortTermMemory(ttl), close: async () => undefined }));
