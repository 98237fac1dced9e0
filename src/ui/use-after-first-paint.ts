// True from the frame after the ring's first paint (once `ready`, the first snapshot, is drawn). Parts of
// the page that are not the ring (the side panels) render only then, so their lazily loaded code is fetched
// after the ring's first frame, not before it.

import { useEffect, useState } from 'react';

export function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    // rAF runs just before the first frame is painted; the timeout lands just after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready]);
  return painted;
}
