// A scrolling list that stays at its newest end (the bottom, or the right) while the content grows, unless the
// user scrolls back; scrolling to within `slack` pixels of the end, or `toEnd()`, follows it again.
//
// Why no layout effect: reading scrollWidth/scrollHeight right after a React commit forces the browser to lay
// the whole list out there and then, once per commit (35% of the main thread under load). The scroll is
// instead done in the next animation frame, at most once a frame, only while pinned; whether the list is
// pinned is decided in its scroll handler, which runs only when something actually scrolled.

import { useEffect, useRef, useState, type RefObject } from 'react';

/** 'y': the newest is at the bottom; 'x': at the right. */
export type ScrollAxis = 'x' | 'y';

export interface StickToEnd<E extends HTMLElement> {
  /** The scrolling element. */
  readonly ref: RefObject<E | null>;
  /** Following the end (false once the user has scrolled back). */
  readonly pinned: boolean;
  /** To call from the element's scroll handler. */
  readonly onScroll: (el: E) => void;
  /** Scrolls to the end and follows it again (the "newest" button). */
  readonly toEnd: () => void;
}

/** Whether `el` is scrolled to within `slack` pixels of its end along `axis`. */
export function atEnd(el: HTMLElement, axis: ScrollAxis, slack: number): boolean {
  return axis === 'y'
    ? el.scrollTop + el.clientHeight >= el.scrollHeight - slack
    : el.scrollLeft + el.clientWidth >= el.scrollWidth - slack;
}

/** Scrolls to the end and returns the offset the element took. */
function scrollToEnd(el: HTMLElement, axis: ScrollAxis): number {
  if (axis === 'y') {
    el.scrollTop = el.scrollHeight;
    return el.scrollTop;
  }
  el.scrollLeft = el.scrollWidth;
  return el.scrollLeft;
}

const offsetOf = (el: HTMLElement, axis: ScrollAxis): number => (axis === 'y' ? el.scrollTop : el.scrollLeft);

/**
 * Keeps the element of `ref` scrolled to its end while pinned, whenever `content` changes
 * (a value that changes when something is added: the newest item's key, the column count).
 */
export function useStickToEnd<E extends HTMLElement>(axis: ScrollAxis, slack: number, content: unknown): StickToEnd<E> {
  const ref = useRef<E>(null);
  const [pinned, setPinned] = useState(true);
  // Where our own last scroll left the element. Its scroll event arrives a frame later, when the
  // end may have moved on (new lines laid out since): that is not the user scrolling back.
  const ownOffset = useRef<number | null>(null);

  // Follow the end while pinned (a DOM scroll, not React state), in the next frame: several commits within
  // one frame cancel each other's request, so the list is measured once, where the frame lays it out anyway.
  useEffect(() => {
    const el = ref.current;
    if (!pinned || !el) return;
    const frame = requestAnimationFrame(() => {
      ownOffset.current = scrollToEnd(el, axis);
    });
    return () => cancelAnimationFrame(frame);
  }, [axis, content, pinned]);

  return {
    ref,
    pinned,
    onScroll: (el) => {
      if (offsetOf(el, axis) === ownOffset.current) return;
      ownOffset.current = null;
      setPinned(atEnd(el, axis, slack));
    },
    toEnd: () => {
      const el = ref.current;
      if (el) ownOffset.current = scrollToEnd(el, axis);
      setPinned(true);
    },
  };
}
