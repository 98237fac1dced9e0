// What to open when the app starts, and again whenever the fragment changes: the situation a
// share link describes (scenario, instant, view, lesson and beat), or the default cluster. A link is
// untrusted text: it is only decoded as data (decodeLink never throws, never evaluates), and a
// link that cannot be opened leaves the default cluster with a banner that says why.
// This is the synchronous path (tests, tools); the page decodes links in a worker (startup-async.ts).

import { findLesson } from '../scenario/lessons';
import { decodeLink } from '../scenario/url';
import { draftLesson } from './authoring/draft';
import { isEmptyHash } from './boot';
import { openLesson } from './lessons/lesson-store';
import { openPlan, planFrom, type OpenOptions, type StartupPlan } from './open-plan';

export { isEmbed } from './boot';
export type { OpenOptions, StartupPlan } from './open-plan';

/** Decides from a location's fragment (`#v1.…`, or empty) what to open. */
export function planStartup(hash: string): StartupPlan {
  if (isEmptyHash(hash)) return { kind: 'default' };
  return planFrom(decodeLink(hash.startsWith('#') ? hash.slice(1) : hash));
}

/** Opens what `hash` describes in the store. Returns the plan it followed. */
export function openFromHash(hash: string, options: OpenOptions): StartupPlan {
  return openPlan(planStartup(hash), options, { findLesson, draftLesson, openLesson });
}
