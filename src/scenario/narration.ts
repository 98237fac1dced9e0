// Lessons as data: a scenario plus the instants to pause at, with what to say,
// what to look at and, sometimes, a question for the class to answer before the
// simulation moves on. The same value is played by the tests, the CLI and the app.

import type { NodeId } from '../raft/types';
import type { ScenarioInput } from './schema';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];

/** A text in both languages of the app; Korean is the original of the course notes. */
export interface Localized {
  readonly ko: string;
  readonly en: string;
}

/** What to highlight while a beat is shown. */
export interface Focus {
  readonly nodes?: readonly NodeId[];
  /** Log indexes (1-based, as in the paper). */
  readonly indexes?: readonly number[];
}

/** A prediction question: the class answers before the simulation shows what happens. */
export interface Question {
  readonly prompt: Localized;
  readonly choices: readonly Localized[];
  /** The index into `choices` of the right answer. */
  readonly answer: number;
  /** Shown after answering: why that is what happens. */
  readonly reveal: Localized;
}

/** One pause point of a lesson. */
export interface Beat {
  /** The virtual time (ms) to pause at. */
  readonly at: number;
  readonly caption: Localized;
  /** What to look at on screen. */
  readonly watch?: Localized;
  readonly focus?: Focus;
  readonly question?: Question;
}

export interface Lesson {
  /** Stable and URL-safe: links refer to lessons by it. */
  readonly id: string;
  /** The section of the course notes it teaches, e.g. "6.2". */
  readonly section: string;
  readonly title: Localized;
  readonly summary: Localized;
  readonly scenario: ScenarioInput;
  /** In increasing order of `at`. */
  readonly beats: readonly Beat[];
}

export const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
