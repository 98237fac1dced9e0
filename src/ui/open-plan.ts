// Opening what a location's fragment describes, once it is decoded: the situation a share link holds
// (scenario, instant, view, lesson and beat), or the default cluster with a banner saying why a link
// could not be opened. Shared by the page's start-up (link decoded in a worker, startup-async.ts) and
// the synchronous path (startup.ts). Nothing here imports the scenario schema: a link without a lesson
// opens without the validator ever running on the page's thread.

import type { Lesson } from '../scenario/narration';
import type { DecodeResult, ShareLink } from '../scenario/url';
import { useSimStore } from '../store/sim-store';
import type { Draft } from './authoring/draft';
import { openDefault } from './boot';
import { closeLesson } from './lessons/lesson-state';
import { setLinkError, type LinkError } from './share/link-store';

export type StartupPlan =
  | { readonly kind: 'default' }
  | { readonly kind: 'link'; readonly link: ShareLink }
  | { readonly kind: 'broken'; readonly error: LinkError };

export interface OpenOptions {
  /** Play the default cluster once opened (a visible tab at start-up). A link always opens paused. */
  readonly autoplay: boolean;
}

/** What a link that follows a lesson needs (the lesson library, the lesson player): loaded only for those. */
export interface LessonOpeners {
  readonly findLesson: (id: string) => Lesson | undefined;
  readonly draftLesson: (draft: Draft) => Lesson;
  readonly openLesson: (lesson: Lesson, beat: number, options: { readonly load: boolean }) => unknown;
}

export function planFrom(decoded: DecodeResult): StartupPlan {
  return decoded.ok
    ? { kind: 'link', link: decoded.link }
    : { kind: 'broken', error: { text: decoded.error, problem: decoded.problem } };
}

/** Whether opening `plan` needs the lesson openers. */
export function followsLesson(plan: StartupPlan): boolean {
  return plan.kind === 'link' && (plan.link.view.lesson !== undefined || plan.link.view.own !== undefined);
}

/** Opens `plan` in the store; `lessons` must be given when `followsLesson(plan)`. */
export function openPlan(plan: StartupPlan, options: OpenOptions, lessons: LessonOpeners | null): StartupPlan {
  if (plan.kind === 'link') {
    const { scenario, at, view } = plan.link;
    const sim = useSimStore.getState();
    setLinkError(null);
    // A link for any reader (lang "any") keeps the language the reader already uses.
    if (view.lang !== null) sim.setLang(view.lang);
    // Speed first: load() passes the current speed on to the engine.
    sim.setSpeed(view.speed);
    sim.load(scenario, at);
    sim.selectNode(view.selected);
    const lesson =
      view.lesson !== undefined
        ? lessons?.findLesson(view.lesson)
        : view.own !== undefined
          ? lessons?.draftLesson({ name: view.own.name, scenario, beats: view.own.beats })
          : undefined;
    // The link carries its own scenario and instant; the lesson only supplies the beats.
    if (lesson && lessons) lessons.openLesson(lesson, view.beat ?? 0, { load: false });
    else closeLesson();
    return plan;
  }
  openDefault({ autoplay: options.autoplay, error: plan.kind === 'broken' ? plan.error : null });
  return plan;
}
