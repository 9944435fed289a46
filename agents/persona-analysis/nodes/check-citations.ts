import type { PersonaAnalysisUpdate, PersonaAnalysisStateType } from '../state';

/**
 * Maps every `citations` ref in the profile to its transcript message id and drops refs
 * that name no analysed message (a model may invent them), so each stored citation points
 * at a real imported message.
 */
export function checkCitations(state: PersonaAnalysisStateType): PersonaAnalysisUpdate {
  const idByRef = new Map(state.messages.map((m) => [m.ref, m.id]));
  const mapRefs = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(mapRefs);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, v]) =>
          key === 'citations' && Array.isArray(v)
            ? [key, [...new Set(v.map((ref) => idByRef.get(String(ref))).filter((id): id is string => Boolean(id)))]]
            : [key, mapRefs(v)],
        ),
      );
    }
    return value;
  };
  return { profile: mapRefs(state.profile) as Record<string, unknown> };
}
