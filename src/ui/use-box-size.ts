// The rendered size of an element's content box, kept current with a ResizeObserver (jsdom has
// none: the fallback stands). Drawings map their own units onto this many CSS pixels.
//
// useMeasuredBox measures through a callback ref rather than an effect on a ref object: when the
// element is replaced without its owner re-rendering (the ring's subtree remounts once motion loads
// and wraps it), an effect keeps observing the detached old element and the size freezes (issue 12:
// the ring kept its 171 px layout after presenter mode gave it 362 px, and its nodes overlapped).

import { useCallback, useState, type RefObject } from 'react';

export interface BoxSize {
  readonly width: number;
  readonly height: number;
}

function observeSize(el: Element, setSize: (update: (prev: BoxSize) => BoxSize) => void): ResizeObserver {
  const observer = new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (!box || box.width <= 0) return;
    const next = { width: Math.round(box.width), height: Math.round(box.height) };
    setSize((prev) => (prev.width === next.width && prev.height === next.height ? prev : next));
  });
  observer.observe(el);
  return observer;
}

/**
 * The size of the element given to the returned callback ref (put it on the element as `ref`), even
 * when that element is replaced; `ref.current` follows the element too, for code that needs it.
 */
export function useMeasuredBox<E extends Element>(
  ref: RefObject<E | null>,
  fallback: BoxSize,
): [BoxSize, (element: E | null) => (() => void) | undefined] {
  const [size, setSize] = useState(fallback);
  const measure = useCallback(
    (element: E | null) => {
      ref.current = element;
      if (!element || typeof ResizeObserver === 'undefined') return undefined;
      const observer = observeSize(element, setSize);
      return () => {
        observer.disconnect();
        if (ref.current === element) ref.current = null;
      };
    },
    [ref],
  );
  return [size, measure];
}
