/** Representative messages kept in a stored style fingerprint (empty when none). */
export function styleSamples(fingerprint: Record<string, unknown> | null): string[] {
  const samples = fingerprint?.samples;
  return Array.isArray(samples) ? samples.filter((s): s is string => typeof s === 'string') : [];
}
