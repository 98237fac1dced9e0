// The lesson being followed: which lesson, which beat, the class's answers, and whether the
// panel is open or minimized for free play. It drives the simulation only through the sim store
// (load, seek, play), so a lesson is walked exactly as a teacher would walk it by hand.

import type { Lesson } from '../../scenario/narration';
import { validateScenario } from '../../scenario/validate';
import { useSimStore } from '../../store/sim-store';
import { useLessonStore } from './lesson-state';

/** Longest wall time (ms) "play on to the answer" may take at the current speed; beyond it the run jumps there. */
export const MAX_PLAY_ON_WALL_MS = 8_000;

export { closeLesson, useLessonStore, type LessonState } from './lesson-state';

function clampBeat(lesson: Lesson, beat: number): number {
  return Math.max(0, Math.min(lesson.beats.length - 1, Math.trunc(beat)));
}

/**
 * Opens a lesson at a beat. With `load` (the default) the lesson's scenario is loaded at that beat's
 * instant; a link that names a lesson has already loaded its own scenario and instant, so it passes false.
 * Returns an error text if the lesson's scenario is not valid (an imported or saved lesson may not be).
 */
export function openLesson(lesson: Lesson, beat = 0, options: { readonly load?: boolean } = {}): string | null {
  const index = clampBeat(lesson, beat);
  if (options.load ?? true) {
    const result = validateScenario(lesson.scenario);
    if (!result.ok) return result.errors.join('\n');
    useSimStore.getState().load(result.scenario, lesson.beats[index]?.at ?? 0);
  }
  useLessonStore.setState({ lesson, beat: index, answers: {}, minimized: false, target: null, targetBeat: null });
  return null;
}

/** Shows beat `index`: the run is sought to its instant and stays paused there. */
export function goToBeat(index: number): void {
  const { lesson } = useLessonStore.getState();
  if (!lesson || lesson.beats.length === 0) return;
  const i = clampBeat(lesson, index);
  useLessonStore.setState({ beat: i, target: null, targetBeat: null, minimized: false });
  useSimStore.getState().seek(lesson.beats[i]!.at);
}

export function nextBeat(): void {
  goToBeat(useLessonStore.getState().beat + 1);
}

export function previousBeat(): void {
  goToBeat(useLessonStore.getState().beat - 1);
}

/**
 * The class's answer to the current beat's question. The answer is revealed at once and the run
 * plays on to the next beat's instant, where the outcome can be seen; it stops there.
 */
export function answerQuestion(choice: number): void {
  const { lesson, beat, answers } = useLessonStore.getState();
  if (!lesson?.beats[beat]?.question) return;
  useLessonStore.setState({ answers: { ...answers, [beat]: choice } });
  const next = lesson.beats[beat + 1];
  if (next) playOnTo(next.at);
}

/** "Play to the next pause": the run plays on to the next pause's instant, which is then shown. */
export function playToNextBeat(): void {
  const { lesson, beat } = useLessonStore.getState();
  const next = lesson?.beats[beat + 1];
  if (next) playOnTo(next.at, beat + 1);
}

/**
 * Plays the run until the virtual instant `at`, then pauses exactly there and, when `showBeat`
 * is given, shows that pause.
 */
export function playOnTo(at: number, showBeat: number | null = null): void {
  const sim = useSimStore.getState();
  const now = sim.snapshot?.time ?? 0;
  if (at <= now || (at - now) / sim.speed > MAX_PLAY_ON_WALL_MS) {
    // Already there, or too long to wait for in class: go straight to it.
    useLessonStore.setState({ target: null, targetBeat: null });
    if (showBeat === null) sim.seek(at);
    else goToBeat(showBeat);
    return;
  }
  useLessonStore.setState({ target: at, targetBeat: showBeat });
  sim.play();
}

/** Hands the run to the class: the lesson shrinks to a bar and the simulation plays on from here. */
export function freePlay(): void {
  useLessonStore.setState({ minimized: true, target: null, targetBeat: null });
  useSimStore.getState().play();
}

/** Back from free play to the beat the lesson was at. */
export function resumeLesson(): void {
  goToBeat(useLessonStore.getState().beat);
}

// Stop a play-on at its target: frames arrive from the worker, and the first one at or past the
// target seeks back to the exact instant (a tick may overshoot it). A pause by hand cancels it.
useSimStore.subscribe((sim, previous) => {
  const { target, targetBeat } = useLessonStore.getState();
  if (target === null) return;
  const time = sim.snapshot?.time;
  if (time !== undefined && time >= target) {
    useLessonStore.setState({ target: null, targetBeat: null, ...(targetBeat === null ? {} : { beat: targetBeat }) });
    sim.seek(target);
  } else if (previous.playing && !sim.playing) {
    useLessonStore.setState({ target: null, targetBeat: null });
  }
});
