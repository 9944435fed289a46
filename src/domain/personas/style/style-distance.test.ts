import { halves } from './fixtures/conversation';
import { danielMessages } from './fixtures/daniel-formal-english';
import { kevinMessages } from './fixtures/kevin-mixed';
import { miaMessages } from './fixtures/mia-casual-english';
import { xiaoyuMessages } from './fixtures/xiaoyu-chinese';
import { styleDistance } from './style-distance';
import { computeStyleFingerprint } from './style-fingerprint';

const people = {
  mia: computeStyleFingerprint(miaMessages),
  daniel: computeStyleFingerprint(danielMessages),
  xiaoyu: computeStyleFingerprint(xiaoyuMessages),
  kevin: computeStyleFingerprint(kevinMessages),
};
const pairs = Object.values(people).flatMap((a) => Object.values(people).map((b) => [a, b] as const));

describe('styleDistance', () => {
  it('When a fingerprint is compared with itself, Then the distance is 0', () => {
    for (const fp of Object.values(people)) expect(styleDistance(fp, fp)).toBe(0);
  });

  it('When the arguments are swapped, Then the distance is the same', () => {
    for (const [a, b] of pairs) expect(styleDistance(a, b)).toBe(styleDistance(b, a));
  });

  it('When any two fingerprints are compared, Then the distance lies in 0..1', () => {
    for (const [a, b] of pairs) {
      expect(styleDistance(a, b)).toBeGreaterThanOrEqual(0);
      expect(styleDistance(a, b)).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['mia', miaMessages],
    ['daniel', danielMessages],
    ['xiaoyu', xiaoyuMessages],
  ] as const)(
    'When two halves of %s’s messages are compared, Then they are closer than %s is to anyone else',
    (name, messages) => {
      const [first, second] = halves(messages).map(computeStyleFingerprint);
      const withinPerson = styleDistance(first, second);
      for (const [other, fp] of Object.entries(people)) {
        if (other === name) continue;
        expect(withinPerson).toBeLessThan(styleDistance(people[name], fp));
        expect(withinPerson).toBeLessThan(styleDistance(first, fp));
      }
    },
  );

  it('When two people write the same language differently, Then the distance is still large', () => {
    expect(styleDistance(people.mia, people.daniel)).toBeGreaterThan(0.5);
  });

  it('When one side has no reply times (simulated replies), Then reply time does not count either way', () => {
    const simulated = { ...people.mia, replyTime: null };
    expect(styleDistance(simulated, people.mia)).toBe(0);
  });

  it('When both sides are empty, Then the distance is 0', () => {
    expect(styleDistance(computeStyleFingerprint([]), computeStyleFingerprint([]))).toBe(0);
  });
});
