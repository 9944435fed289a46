import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The sample exports in this folder are written as real apps write them (BOM, CRLF, invisible marks kept). */
export type SampleName =
  | 'whatsapp-android-us.txt'
  | 'whatsapp-android-eu.txt'
  | 'whatsapp-ios.txt'
  | 'line-english.txt'
  | 'line-chinese.txt'
  | 'line-chinese-traditional.txt'
  | 'telegram-result.json'
  | 'plain.txt';

export const SAMPLE_NAMES: readonly SampleName[] = [
  'whatsapp-android-us.txt',
  'whatsapp-android-eu.txt',
  'whatsapp-ios.txt',
  'line-english.txt',
  'line-chinese.txt',
  'line-chinese-traditional.txt',
  'telegram-result.json',
  'plain.txt',
];

export function readSample(name: SampleName): string {
  return readFileSync(join(__dirname, name), 'utf8');
}
