// The rendered width of an element (jsdom has no ResizeObserver: the fallback width stands).
// The drawing code maps time to this many pixels.

import type { RefObject } from 'react';
import { useBoxSize } from '../use-box-size';

export function useWidth(ref: RefObject<Element | null>, fallback: number): number {
  return useBoxSize(ref, { width: fallback, height: 0 }).width;
}
