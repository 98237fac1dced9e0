// Motion, once loaded (see motion-parts.ts), for the ring's components; null until then.

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type MotionParts = typeof import('./motion-parts');

const MotionPartsContext = createContext<MotionParts | null>(null);

export function useMotionParts(): MotionParts | null {
  return useContext(MotionPartsContext);
}

/** Loads motion after the first frame and then provides it, with its features and reduced-motion setting. */
export function MotionProvider({ children }: { readonly children: ReactNode }) {
  const [parts, setParts] = useState<MotionParts | null>(null);
  useEffect(() => {
    let live = true;
    const frame = requestAnimationFrame(() => {
      void import('./motion-parts').then((loaded) => {
        if (live) setParts(loaded);
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, []);
  return (
    <MotionPartsContext value={parts}>
      {parts ? (
        <parts.LazyMotion features={parts.domAnimation}>
          <parts.MotionConfig reducedMotion="user">{children}</parts.MotionConfig>
        </parts.LazyMotion>
      ) : (
        children
      )}
    </MotionPartsContext>
  );
}
