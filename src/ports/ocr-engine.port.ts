/** One line of text an OCR engine read, with where it sits in the image (pixels). */
export interface OcrLine {
  text: string;
  /** The recogniser's mean confidence, 0–1. */
  confidence: number;
  box: { left: number; top: number; right: number; bottom: number };
}

/**
 * Reads text lines from an image, offline. Built once in the composition root; an adapter
 * loads its model lazily on first use, once per process.
 */
export interface OcrEngine {
  /** Lines in reading order (top to bottom, then left to right). */
  readLines(image: Buffer): Promise<OcrLine[]>;
  close(): Promise<void>;
}
