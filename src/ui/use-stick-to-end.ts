// A scrolling list that stays at its newest end (the bottom, or the right) while the content grows, unless the
// user scrolls back; scrolling to within `slack` pixels of the end, or `toEnd()`, follows it again.

import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

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

function scrollToEnd(el: HTMLElement, axis: ScrollAxis): void {
  if (axis === 'y') el.scrollTop = el.scrollHeight;
  else el.scrollLeft = el.scrollWidth;
}

/**
 * Keeps the element of `ref` scrolled to its end while pinned, whenever `content` changes
 * (a value that changes when something is added: the newest item's key, the column count).
 */
export function useStickToEnd<E extends HTMLElement>(axis: ScrollAxis, slack: number, content: unknown): StickToEnd<E> {
  const ref = useRef<E>(null);
  const [pinned, setPinned] = useState(true);

  // Follow the end while pinned (a DOM scroll, not React state).
  useLayoutEffect(() => {
    const el = ref.current;
    if (pinned && el) scrollToEnd(el, axis);
  }, [axis, content, pinned]);

  return {
    ref,
    pinned,
    onScroll: (el) => setPinned(atEnd(el, axis, slack)),
    toEnd: () => {
      const el = ref.current;
      if (el) scrollToEnd(el, axis);
      setPinned(true);
    },
  };
}
