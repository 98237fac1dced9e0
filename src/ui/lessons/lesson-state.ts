// The lesson being followed, as plain state: which lesson, which beat, the class's answers, and
// whether the player is open or minimized. Kept apart from the actions in lesson-store.ts (which
// validate scenarios) so the cluster view can read the current beat's focus without loading them.

import { create } from 'zustand';
import type { Focus, Lesson } from '../../scenario/narration';

export interface LessonState {
  readonly lesson: Lesson | null;
  /** Index into lesson.beats. */
  readonly beat: number;
  /** The class's choice for each answered question, by beat index. */
  readonly answers: Readonly<Record<number, number>>;
  /** Free play: the lesson stays at hand as a small bar, the run is the class's. */
  readonly minimized: boolean;
  /** The virtual instant the run is playing on to, or null. */
  readonly target: number | null;
  /**
   * The pause to show when the run gets there ("Play to the next pause"), or null: after a
   * question the card stays, so its answer stays in view beside the outcome.
   */
  readonly targetBeat: number | null;
}

export const CLOSED: LessonState = {
  lesson: null,
  beat: 0,
  answers: {},
  minimized: false,
  target: null,
  targetBeat: null,
};

export const useLessonStore = create<LessonState>()(() => CLOSED);

export function closeLesson(): void {
  useLessonStore.setState(CLOSED);
}

/** The focus of the beat on screen (nodes and log indexes to look at), or null in free play or without a lesson. */
export function useLessonFocus(): Focus | null {
  return useLessonStore((s) => (s.lesson && !s.minimized ? (s.lesson.beats[s.beat]?.focus ?? null) : null));
}
