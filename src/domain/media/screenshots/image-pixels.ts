import sharp from 'sharp';

export type Rgb = readonly [number, number, number];

export interface ImagePixels {
  width: number;
  height: number;
  /** The colour at (x, y), clamped into the image: the median of a 3×3 patch, so anti-aliased text does not decide it. */
  sample(x: number, y: number): Rgb;
}

/** Decodes an image to RGB once, for colour sampling (bubble colours). */
export async function imagePixels(image: Buffer): Promise<ImagePixels> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const at = (x: number, y: number, c: number) => data[(Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * channels + c]!;
  return {
    width,
    height,
    sample(x, y) {
      const cx = Math.round(x);
      const cy = Math.round(y);
      const median = (c: number) => {
        const values: number[] = [];
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) values.push(at(cx + dx, cy + dy, c));
        return values.sort((a, b) => a - b)[4]!;
      };
      return [median(0), median(1), median(2)];
    },
  };
}

export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function hex(c: Rgb): string {
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
