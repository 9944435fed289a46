import { reportValidity, type StoredCard } from './report-validity';

const card = (id: string, features: string[], createdAt: string, auc: number | null = 0.61): StoredCard => ({
  id,
  name: `model ${id}`,
  version: 1,
  card: { createdAt, datasetHash: 'abc', n: 1200, features: features.map((name) => ({ name })), metrics: { auc, aucLow: auc === null ? null : auc - 0.04, aucHigh: auc === null ? null : auc + 0.04 } },
});

describe('reportValidity', () => {
  it('Given no match models, Then the report says plainly that its scores are unvalidated', () => {
    const v = reportValidity([]);
    expect(v.status).toBe('UNVALIDATED');
    expect(v.covering).toBeNull();
    expect(v.statement).toMatch(/^Unvalidated: no study has shown/);
  });

  it('Given only a model fitted on real conversations, Then it is named but does not cover simulated measures', () => {
    const v = reportValidity([card('a', ['conv:lsm', 'abs_diff:age'], '2026-12-01T00:00:00Z')]);
    expect(v.status).toBe('UNVALIDATED');
    expect(v.related.map((c) => c.basis)).toEqual(["real conversations' measures"]);
    expect(v.statement).toContain('"model a" v1 (AUC 0.61 [0.57, 0.65]) was fitted on measures of real conversations');
  });

  it('Given models on simulation scores, Then the newest covers the report and its AUC is cited with the interval', () => {
    const v = reportValidity([
      card('old', ['sim:overall'], '2026-11-01T00:00:00Z', 0.55),
      card('new', ['sim:overall', 'conv:lsm'], '2026-12-02T00:00:00Z', 0.63),
      card('profile', ['cosine:interests'], '2026-12-03T00:00:00Z'),
    ]);
    expect(v.status).toBe('VALIDATED');
    expect(v.covering?.modelId).toBe('new');
    expect(v.statement).toContain('out-of-fold AUC 0.63 [0.59, 0.67]');
    expect(v.related.map((c) => c.modelId)).toEqual(['profile', 'old']);
  });

  it('Given a card whose AUC could not be estimated, Then it says so instead of printing a number', () => {
    const v = reportValidity([card('x', ['sim:overall'], '2026-12-01T00:00:00Z', null)]);
    expect(v.statement).toContain('AUC not estimable');
  });
});
