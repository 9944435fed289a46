import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux everywhere that matters). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) a process has used so far, in milliseconds, from /proc/<pid>/stat
 * (utime and stime, fields 14 and 15). Resolution is one tick (10 ms): measure windows of
 * seconds, not single requests.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 14 is fields[11] and field 15 is fields[12].
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** CPU used by several processes between `start()` and `stop()`, per process. */
export class CpuWindow {
  private readonly startMs: number[];

  constructor(private readonly pids: number[]) {
    this.startMs = pids.map(processCpuMs);
  }

  /** Milliseconds of CPU each process used since the window opened, in the order given. */
  usedMs(): number[] {
    return this.pids.map((pid, i) => processCpuMs(pid) - this.startMs[i]!);
  }
}
