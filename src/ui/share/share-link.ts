// Builds the share link of what is on screen now: the current branch as a scenario, the viewed
// instant, the view settings and, when a library lesson is open, its beat.

import { findLesson } from '../../scenario/lessons';
import { encodeLink, type ViewSettings } from '../../scenario/url';
import { useSimStore } from '../../store/sim-store';
import { useLessonStore } from '../lessons/lesson-store';

/** The page address without its fragment, e.g. `https://host/app/?embed=1`. */
export function pageAddress(location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  return `${location.origin}${location.pathname}${location.search}`;
}

export async function currentLink(base: string): Promise<string> {
  const sim = useSimStore.getState();
  const { scenario, at } = await sim.exportScenario();
  const { lesson, beat, minimized } = useLessonStore.getState();
  // Only library lessons can be named in a link; a saved lesson travels as its scenario.
  const named = lesson && !minimized && findLesson(lesson.id) === lesson ? lesson : null;
  const view: ViewSettings = {
    lang: sim.lang,
    speed: sim.speed,
    selected: sim.selectedNode,
    ...(named ? { lesson: named.id, beat } : {}),
  };
  return `${base}${encodeLink({ scenario, at, view })}`;
}
