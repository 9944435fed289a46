import WebSocket from 'ws';

/** A DevTools-protocol session with a process started with --inspect=127.0.0.1:<port>. */
export interface InspectorSession {
  /** A full garbage collection in the inspected process (HeapProfiler.collectGarbage). */
  collectGarbage(): Promise<void>;
  /** Its V8 heap: bytes in use and allocated (Runtime.getHeapUsage). */
  heapUsage(): Promise<{ usedSize: number; totalSize: number }>;
  close(): Promise<void>;
}

/**
 * Connects to the inspector of a process the benchmark started, so it can measure memory
 * after a real collection instead of whenever V8 last collected. Only GC and heap-size calls
 * are made: no debugger, no profiler.
 */
export async function openInspector(port: number, timeoutMs = 10_000): Promise<InspectorSession> {
  const deadline = Date.now() + timeoutMs;
  let target: { webSocketDebuggerUrl?: string } | undefined;
  while (!target?.webSocketDebuggerUrl) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/list`);
      target = ((await res.json()) as { webSocketDebuggerUrl?: string }[])[0];
    } catch {
      // not listening yet
    }
    if (target?.webSocketDebuggerUrl) break;
    if (Date.now() > deadline) throw new Error(`no inspector on 127.0.0.1:${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const socket = new WebSocket(target.webSocketDebuggerUrl!);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    const call = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) call?.reject(new Error(message.error.message));
    else call?.resolve(message.result);
  });
  const call = <T>(method: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      socket.send(JSON.stringify({ id, method }));
    });
  return {
    collectGarbage: () => call<void>('HeapProfiler.collectGarbage'),
    heapUsage: () => call<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage'),
    close: () =>
      new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
}
