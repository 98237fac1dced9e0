// The space-time diagram's arrows while the run plays, painted on a canvas over the SVG (see
// paint-arrows.ts for why). It is one image with a summary for screen readers: arrows that come
// and go many times a second cannot be read one by one; paused, each arrow is a button again.

import { memo, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useStrings } from '../i18n';
import type { Emphasis } from './arrow-look';
import type { Arrow } from './layout';
import { arrowSegments, ArrowPainter, type ArrowFrame, type PaintedArrow } from './paint-arrows';
import styles from './SpaceTime.module.css';
import { SPACETIME_STRINGS } from './strings';

interface ArrowCanvasProps {
  readonly arrows: readonly Arrow[];
  readonly frame: ArrowFrame;
  /** The drawing's size in CSS pixels (the SVG's). */
  readonly width: number;
  readonly selected: number | null;
  readonly hovered: number | null;
  /** Changes whenever finished arrows may look different (heartbeats shown, branch …): they are repainted. */
  readonly look: string;
  /** Where the canvas records what it painted, for picking an arrow under the pointer. */
  readonly paintedRef: RefObject<readonly PaintedArrow[]>;
}

export const ArrowCanvas = memo(function ArrowCanvas({
  arrows,
  frame,
  width,
  selected,
  hovered,
  look,
  paintedRef,
}: ArrowCanvasProps) {
  const t = useStrings(SPACETIME_STRINGS);
  const canvas = useRef<HTMLCanvasElement>(null);
  /** Holds the painter's tiles (it adds and removes them; React renders nothing inside). */
  const tiles = useRef<HTMLDivElement>(null);
  const painter = useRef<ArrowPainter | null>(null);
  useEffect(() => () => painter.current?.clear(), []);

  // Paint before the browser paints this frame.
  useLayoutEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || !tiles.current) {
      paintedRef.current = arrowSegments(arrows, frame);
      return;
    }
    const pixels = window.devicePixelRatio || 1;
    const w = Math.round(width * pixels);
    const h = Math.round(frame.height * pixels);
    // Resizing a canvas clears it and resets its state: only when the size really changed.
    if (el.width !== w || el.height !== h) {
      el.width = w;
      el.height = h;
    }
    const emphasis = (id: number): Emphasis => (id === selected ? 'selected' : id === hovered ? 'hovered' : 'none');
    painter.current ??= new ArrowPainter(tiles.current, styles.arrowTile!);
    paintedRef.current = painter.current.paint(ctx, pixels, arrows, frame, emphasis, `${look}|${selected}|${hovered}`);
  }, [arrows, frame, width, selected, hovered, look, paintedRef]);

  return (
    <>
      <div
        ref={tiles}
        className={styles.arrowTiles}
        style={{ left: frame.left, width: Math.max(0, frame.right - frame.left), height: frame.height }}
        aria-hidden="true"
      />
      <canvas
        ref={canvas}
        className={styles.arrowCanvas}
        style={{ width, height: frame.height }}
        role="img"
        aria-label={t.playingArrows(arrows.length)}
      />
    </>
  );
});
