// A small picture drawn once and then copied many times a frame (a message, a glyph). Copying from
// another canvas element makes a software canvas take a snapshot of that element on every
// `drawImage`; an ImageBitmap is already an immutable picture, so copying it is just the copy.
// Where OffscreenCanvas is missing (older browsers, tests) the stamp stays a canvas element.

export type StampImage = HTMLCanvasElement | ImageBitmap;
/** What a stamp is drawn with: either kind of 2D context. */
export type StampContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draws `width` × `height` device pixels with `draw` and returns them as a picture; null without a 2D context. */
export function makeStampImage(width: number, height: number, draw: (ctx: StampContext) => void): StampImage | null {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) {
      draw(ctx);
      return canvas.transferToImageBitmap();
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  draw(ctx);
  return canvas;
}
