import { stubLlmCommand } from './stub-llm.command';

describe('soullink stub-llm', () => {
  it('When started, Then it prints a working base URL and stops cleanly on SIGTERM', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const running = stubLlmCommand({ port: 0, host: '127.0.0.1' });
      while (!printed.some((line) => line.includes('listening'))) await new Promise((r) => setTimeout(r, 10));
      const baseUrl = /(http:\/\/\S+\/v1)/.exec(printed.join(''))?.[1];

      const models = await fetch(`${baseUrl}/models`);
      expect(models.status).toBe(200);

      process.emit('SIGTERM', 'SIGTERM');
      await running;
      await expect(fetch(`${baseUrl}/models`)).rejects.toThrow();
    } finally {
      write.mockRestore();
    }
  });

  it('When the port is out of range, Then it refuses with a clear message', async () => {
    await expect(stubLlmCommand({ port: 70_000, host: '127.0.0.1' })).rejects.toThrow(/--port/);
  });
});
