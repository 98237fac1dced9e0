// What the first paint needs to start: the default cluster and the embed switch. Links are
// decoded by startup.ts, loaded only when the address has a fragment (it brings the scenario
// schema and the lesson texts with it).

import { DEFAULT_SCENARIO, useSimStore } from '../store/sim-store';
import { closeLesson } from './lessons/lesson-state';
import { setLinkError, type LinkError } from './share/link-store';

/** Opens the default cluster, with `error` (a link that could not be opened) in the banner, or none. */
export function openDefault(options: { readonly autoplay: boolean; readonly error?: LinkError | null }): void {
  const sim = useSimStore.getState();
  setLinkError(options.error ?? null);
  closeLesson();
  sim.selectNode(null);
  sim.load(DEFAULT_SCENARIO);
  if (options.autoplay) sim.play();
}

/** True when the fragment names no link (`''` or `'#'`): the default cluster opens without the decoder. */
export function isEmptyHash(hash: string): boolean {
  return (hash.startsWith('#') ? hash.slice(1) : hash).trim() === '';
}

/** Embed mode (`?embed=1`): a compact view for slides and course pages, without editing chrome. */
export function isEmbed(search: string): boolean {
  const value = new URLSearchParams(search).get('embed');
  return value !== null && value !== '0' && value !== 'false';
}
