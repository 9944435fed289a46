export { computeStyleFingerprint, type StyleFingerprint, type StyleMessage } from './style-fingerprint';
export { styleDistance, styleDistanceBreakdown, type StyleFeature } from './style-distance';
export { isMediaPlaceholder } from './media-placeholder';
export type { StyleLanguage } from './language-mix';
