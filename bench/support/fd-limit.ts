import { readFileSync } from 'node:fs';

/** The soft limit on open files of this process (children inherit it), from /proc/self/limits. */
export function openFileLimit(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
  if (!match) return Number.POSITIVE_INFINITY;
  return match[1] === 'unlimited' ? Number.POSITIVE_INFINITY : Number(match[1]);
}
