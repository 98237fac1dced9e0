// Motion, once loaded (see motion-parts.ts), for the ring's components; null until then.

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useAfterFirstPaint } from '../use-after-first-paint';

export type MotionParts = typeof import('./motion-parts');

const MotionPartsContext = createContext<MotionParts | null>(null);

export function useMotionParts(): MotionParts | null {
  return useContext(MotionPartsContext);
}

let loadedParts: MotionParts | null = null;
let loadingParts: Promise<MotionParts> | null = null;

function loadMotionParts(): Promise<MotionParts> {
  loadingParts ??= import('./motion-parts').then((parts) => (loadedParts = parts));
  return loadingParts;
}

/**
 * Motion for a component outside the ring's provider (the logs), loaded once `wanted` (the same chunk,
 * fetched once): null until then. Wrapping a subtree in a provider that appears later would remount it.
 */
export function useLoadedMotion(wanted: boolean): MotionParts | null {
  const [parts, setParts] = useState(loadedParts);
  useEffect(() => {
    if (!wanted || parts) return;
    let live = true;
    void loadMotionParts().then((loaded) => {
      if (live) setParts(loaded);
    });
    return () => {
      live = false;
    };
  }, [wanted, parts]);
  return parts;
}

/** Loads motion after the first frame of the drawn ring (`drawn`: it has nodes) and then provides it, with its features and reduced-motion setting. */
export function MotionProvider({ drawn, children }: { readonly drawn: boolean; readonly children: ReactNode }) {
  const [parts, setParts] = useState<MotionParts | null>(null);
  const painted = useAfterFirstPaint(drawn);
  useEffect(() => {
    if (!painted) return;
    let live = true;
    void import('./motion-parts').then((loaded) => {
      if (live) setParts(loaded);
    });
    return () => {
      live = false;
    };
  }, [painted]);
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
