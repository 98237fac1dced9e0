// What to open when the app starts, and again whenever the fragment changes: the situation a
// share link describes (scenario, instant, view, lesson and beat), or the default cluster. A link is
// untrusted text: it is only decoded as data (decodeLink never throws, never evaluates), and a
// link that cannot be opened leaves the default cluster with a banner that says why.

import { findLesson } from '../scenario/lessons';
import { decodeLink, type ShareLink } from '../scenario/url';
import { useSimStore } from '../store/sim-store';
import { draftLesson } from './authoring/draft';
import { isEmptyHash, openDefault } from './boot';
import { closeLesson, openLesson } from './lessons/lesson-store';
import { setLinkError, type LinkError } from './share/link-store';

export { isEmbed } from './boot';

export type StartupPlan =
  | { readonly kind: 'default' }
  | { readonly kind: 'link'; readonly link: ShareLink }
  | { readonly kind: 'broken'; readonly error: LinkError };

/** Decides from a location's fragment (`#v1.…`, or empty) what to open. */
export function planStartup(hash: string): StartupPlan {
  if (isEmptyHash(hash)) return { kind: 'default' };
  const decoded = decodeLink(hash.startsWith('#') ? hash.slice(1) : hash);
  return decoded.ok
    ? { kind: 'link', link: decoded.link }
    : { kind: 'broken', error: { text: decoded.error, problem: decoded.problem } };
}

export interface OpenOptions {
  /** Play the default cluster once opened (a visible tab at start-up). A link always opens paused. */
  readonly autoplay: boolean;
}

/** Opens what `hash` describes in the store. Returns the plan it followed. */
export function openFromHash(hash: string, options: OpenOptions): StartupPlan {
  const plan = planStartup(hash);
  const sim = useSimStore.getState();
  if (plan.kind === 'link') {
    const { scenario, at, view } = plan.link;
    setLinkError(null);
    // A link for any reader (lang "any") keeps the language the reader already uses.
    if (view.lang !== null) sim.setLang(view.lang);
    // Speed first: load() passes the current speed on to the engine.
    sim.setSpeed(view.speed);
    sim.load(scenario, at);
    sim.selectNode(view.selected);
    const lesson =
      view.lesson !== undefined
        ? findLesson(view.lesson)
        : view.own !== undefined
          ? draftLesson({ name: view.own.name, scenario, beats: view.own.beats })
          : undefined;
    // The link carries its own scenario and instant; the lesson only supplies the beats.
    if (lesson) openLesson(lesson, view.beat ?? 0, { load: false });
    else closeLesson();
    return plan;
  }
  openDefault({ autoplay: options.autoplay, error: plan.kind === 'broken' ? plan.error : null });
  return plan;
}
