import { styleDistance } from './style/style-distance';
import { computeStyleFingerprint } from './style/style-fingerprint';

/** Style distance (0 same … 1 unlike) between two sets of one speaker's messages. */
export function styleDistanceOfTexts(real: string[], simulated: string[]): number {
  const fingerprint = (texts: string[]) => computeStyleFingerprint(texts.map((text) => ({ text, sentAt: null, fromPersona: true })));
  return styleDistance(fingerprint(real), fingerprint(simulated));
}
