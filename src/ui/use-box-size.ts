// The rendered size of an element's content box, kept current with a ResizeObserver (jsdom has
// none: the fallback stands). Drawings map their own units onto this many CSS pixels.

import { useEffect, useState, type RefObject } from 'react';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

export function useBoxSize(ref: RefObject<Element | null>, fallback: BoxSize): BoxSize {
  const [size, setSize] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (!box || box.width <= 0) return;
      const next = { width: Math.round(box.width), height: Math.round(box.height) };
      setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
