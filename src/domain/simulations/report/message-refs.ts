/**
 * Short, readable references to transcript messages for the report's citations. Transcript ids
 * are UUIDs; a reader wants "t3" (the judge's numbering of the episode's lines) when the caller
 * knows it, and otherwise the first 8 characters of the id, which are unique within a report
 * for random UUIDs and can be searched for in an export of the transcript.
 */
export type MessageRefs = Readonly<Record<string, string>>;

export function refOf(id: string, refs: MessageRefs | undefined): string {
  const known = refs?.[id];
  if (known) return known;
  return id.length <= 8 ? id : `#${id.slice(0, 8)}`;
}

/**
 * "t3, t5, t9 +4 more": the first `limit` references; "t12" sorts after "t3" (by the number),
 * any other reference keeps its given (conversation) order.
 */
export function citeRefs(refs: readonly string[], limit = 6): string {
  const ordered = inTranscriptOrder(refs);
  const shown = ordered.slice(0, limit).join(', ');
  return ordered.length > limit ? `${shown} +${ordered.length - limit} more` : shown;
}

/**
 * Citations across episodes: "E1 t3, t5; E4 t2 +3 more". A bare "t3" would be ambiguous when
 * every episode has a t3, so each group names its episode (E1 = the report's first measured
 * episode); with a single episode the key is left out.
 */
export function citeAcrossEpisodes(cited: readonly { episodeKey: string; ref: string }[], single: boolean, limit = 6): string {
  const groups = new Map<string, string[]>();
  for (const c of cited) groups.set(c.episodeKey, [...(groups.get(c.episodeKey) ?? []), c.ref]);
  let left = limit;
  const parts: string[] = [];
  for (const [key, refs] of groups) {
    if (left === 0) break;
    const shown = inTranscriptOrder(refs).slice(0, left);
    left -= shown.length;
    parts.push(single ? shown.join(', ') : `${key} ${shown.join(', ')}`);
  }
  const rest = cited.length - (limit - left);
  return `${parts.join('; ')}${rest > 0 ? ` +${rest} more` : ''}`;
}

function inTranscriptOrder(refs: readonly string[]): string[] {
  const numbered = refs.every((r) => /^t\d+$/.test(r));
  return numbered ? [...refs].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))) : [...refs];
}
