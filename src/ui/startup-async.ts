// The page's start-up and every fragment change: the link is decoded in a worker (decode-link-async.ts),
// so a large link (9 nodes with 1,000-entry logs) does not hold the page's thread for the ~150 ms its
// inflating and validating take. The lesson library and player are loaded only for a link that follows
// a lesson: a plain link opens without the scenario schema on this thread.

import { isEmptyHash } from './boot';
import { followsLesson, openPlan, planFrom, type LessonOpeners, type OpenOptions, type StartupPlan } from './open-plan';
import { decodeLinkAsync } from './share/decode-link-async';

/** The same plan as startup.ts's `planStartup`, the link decoded off the page's thread. */
export async function planStartupAsync(hash: string): Promise<StartupPlan> {
  if (isEmptyHash(hash)) return { kind: 'default' };
  return planFrom(await decodeLinkAsync(hash.startsWith('#') ? hash.slice(1) : hash));
}

async function lessonOpeners(): Promise<LessonOpeners> {
  const [{ findLesson }, { draftLesson }, { openLesson }] = await Promise.all([
    import('../scenario/lessons'),
    import('./authoring/draft'),
    import('./lessons/lesson-store'),
  ]);
  return { findLesson, draftLesson, openLesson };
}

/** The latest fragment asked for: a decode that finishes after a newer one was asked for is dropped. */
let latestRequest = 0;

/**
 * Opens what `hash` describes. Resolves to the plan it followed, or null when a newer fragment was
 * asked for meanwhile (that one opens instead).
 */
export async function openFromHashAsync(hash: string, options: OpenOptions): Promise<StartupPlan | null> {
  const request = ++latestRequest;
  const plan = await planStartupAsync(hash);
  const lessons = followsLesson(plan) ? await lessonOpeners() : null;
  return request === latestRequest ? openPlan(plan, options, lessons) : null;
}
