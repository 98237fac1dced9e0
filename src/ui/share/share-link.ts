// Builds the share link of what is on screen now: the current branch as a scenario, the viewed
// instant, the view settings and, when a lesson is open, its beat: a library lesson by its id,
// a home-made one whole (its name and captions), so the class sees what the teacher wrote.

import { findLesson } from '../../scenario/lessons';
import { ownLessonOf } from '../../scenario/own-lesson';
import { encodeCheckedLink, type EncodeResult, type ViewSettings } from '../../scenario/url';
import { useSimStore } from '../../store/sim-store';
import { useLessonStore } from '../lessons/lesson-store';

/** The page address without its fragment, e.g. `https://host/app/?embed=1`. */
export function pageAddress(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

/** The link, or why this app could not open it (too many actions, too long…): then it is not offered. */
export async function currentLink(base: string): Promise<EncodeResult> {
  const sim = useSimStore.getState();
  const { scenario, at } = await sim.exportScenario();
  const { lesson, beat, minimized } = useLessonStore.getState();
  const open = lesson && !minimized ? lesson : null;
  const fromLibrary = open !== null && findLesson(open.id) === open;
  const view: ViewSettings = {
    lang: sim.lang,
    speed: sim.speed,
    selected: sim.selectedNode,
    ...(open && fromLibrary ? { lesson: open.id, beat } : {}),
    ...(open && !fromLibrary ? { own: ownLessonOf(open), beat } : {}),
  };
  const encoded = encodeCheckedLink({ scenario, at, view });
  return encoded.ok ? { ok: true, fragment: `${base}${encoded.fragment}` } : encoded;
}
