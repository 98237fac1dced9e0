// A home-made lesson as data: a name and its pause points with captions (no questions, no
// focus). It travels in lesson files and in share links, both untrusted text, so reading one
// checks every field and names the one that is wrong.

import type { Lesson, Localized } from './narration';
import { isRecord } from './is-record';
import { describeMs, MAX_TIME } from './bounds';

export interface CaptionBeat {
  /** The virtual time (ms) to pause at. */
  readonly at: number;
  readonly caption: Localized;
}

export interface OwnLesson {
  readonly name: string;
  /** In increasing order of `at`. */
  readonly beats: readonly CaptionBeat[];
}

export const MAX_NAME_CHARS = 120;
const MAX_CAPTION_CHARS = 2000;
const MAX_OWN_BEATS = 200;

/** Pause points in time order; what is wrong goes to `errors`, prefixed with `where` (e.g. "beats"). */
export function readCaptionBeats(value: unknown, errors: string[], where = 'beats'): CaptionBeat[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${where}: expected a list of pause points`);
    return [];
  }
  if (value.length > MAX_OWN_BEATS) {
    errors.push(`${where}: ${value.length} pause points; at most ${MAX_OWN_BEATS}`);
    return [];
  }
  const beats: CaptionBeat[] = [];
  value.forEach((b: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isRecord(b)) return errors.push(`${at}: expected an object with "at" and "caption"`);
    if (typeof b.at !== 'number' || !Number.isFinite(b.at) || b.at < 0)
      return errors.push(`${at}.at: expected a time in ms (0 or more)`);
    if (b.at > MAX_TIME) return errors.push(`${at}.at: at most ${MAX_TIME} ms (${describeMs(MAX_TIME)})`);
    const caption = b.caption;
    if (!isRecord(caption) || typeof caption.ko !== 'string' || typeof caption.en !== 'string')
      return errors.push(`${at}.caption: expected {"ko": text, "en": text}`);
    if (caption.ko.length > MAX_CAPTION_CHARS || caption.en.length > MAX_CAPTION_CHARS)
      return errors.push(`${at}.caption: at most ${MAX_CAPTION_CHARS} characters`);
    const same = pauseAtInstant(beats, b.at);
    if (same >= 0) return errors.push(`${at}.at: pause ${same + 1} is already at ${b.at} ms (one pause per instant)`);
    beats.push({ at: b.at, caption: { ko: caption.ko, en: caption.en } });
  });
  return sortCaptionBeats(beats);
}

/**
 * The index of the pause (other than `except`) already at `at`, or -1. One pause per instant: two at
 * one instant would stop the lesson twice without time moving. The editor asks before it takes a time.
 */
export function pauseAtInstant(beats: readonly { readonly at: number }[], at: number, except = -1): number {
  return beats.findIndex((other, j) => j !== except && other.at === at);
}

export function sortCaptionBeats(beats: readonly CaptionBeat[]): CaptionBeat[] {
  return [...beats].sort((x, y) => x.at - y.at);
}

/** A home-made lesson as a link carries it: its name and its pauses' instants and captions. */
export function ownLessonOf(lesson: Lesson): OwnLesson {
  return { name: lesson.title.en, beats: lesson.beats.map(({ at, caption }) => ({ at, caption })) };
}

/** A lesson's name: text, cut to MAX_NAME_CHARS. */
export function readLessonName(value: unknown, errors: string[], where = 'name'): string {
  if (typeof value !== 'string') {
    errors.push(`${where}: expected text`);
    return '';
  }
  return value.slice(0, MAX_NAME_CHARS);
}
