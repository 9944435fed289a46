import { PAIR_MEASURES, SPEAKER_MEASURES } from '../../kernel/measures/measure-catalog';

export interface MeasureCatalogRow {
  key: string;
  label: string;
  definition: string;
  source: string;
  scale: string;
  scope: 'PAIR' | 'SPEAKER';
}

/** The kernel's catalog without its accessor functions: what a client shows beside a number. */
export function measureCatalog(): MeasureCatalogRow[] {
  const row = (scope: MeasureCatalogRow['scope']) => (e: (typeof PAIR_MEASURES)[number] | (typeof SPEAKER_MEASURES)[number]): MeasureCatalogRow => ({
    key: e.key,
    label: e.label,
    definition: e.definition,
    source: e.source,
    scale: e.scale,
    scope,
  });
  return [...PAIR_MEASURES.map(row('PAIR')), ...SPEAKER_MEASURES.map(row('SPEAKER'))];
}
