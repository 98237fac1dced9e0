// A lesson being authored: a recorded run (scenario with every action and its time), pause
// points with captions, and a name. Pure functions only; the panel keeps the value in state.
//
// Files: the scenario is exported exactly as the headless runner reads it (`npm run sim -- FILE`),
// and the lesson (name, pause points, and the same scenario) as a separate file, because the
// scenario schema is strict and rejects fields it does not know.

import type { Beat, Lesson } from '../../scenario/narration';
import { isRecord } from '../../scenario/is-record';
import { LESSON_ID } from '../../scenario/narration';
import { MAX_NAME_CHARS, readCaptionBeats, sortCaptionBeats, type CaptionBeat } from '../../scenario/own-lesson';
import { compactScenario } from '../../scenario/url';
import type { Action, Scenario } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { MAX_FILE_BYTES } from '../../scenario/bounds';
import { capErrors, cut } from '../../scenario/bounded-text';

export type DraftBeat = CaptionBeat;

export interface Draft {
  readonly name: string;
  readonly scenario: Scenario;
  readonly beats: readonly DraftBeat[];
}

export const LESSON_FILE_FORMAT = 'raft-classroom-lesson';

export function draftFromRun(scenario: Scenario, name = ''): Draft {
  return { name, scenario, beats: [] };
}

function withActions(draft: Draft, actions: readonly Action[]): Draft {
  // An edited list replays by time: a live action's step pin (afterStep) counted the events of the
  // run as recorded, which the edit changes. Stable sort: equal times keep their order.
  const unpinned = actions.map((a) => {
    const copy: Record<string, unknown> = { ...a };
    delete copy.afterStep;
    return copy as Action;
  });
  const sorted = unpinned
    .map((a, i) => [a, i] as const)
    .sort((x, y) => x[0].at - y[0].at || x[1] - y[1])
    .map(([a]) => a);
  return { ...draft, scenario: { ...draft.scenario, actions: sorted } };
}

export function deleteAction(draft: Draft, index: number): Draft {
  return withActions(
    draft,
    draft.scenario.actions.filter((_, i) => i !== index),
  );
}

/** Moves an action to another instant; the list is kept in time order. */
export function setActionTime(draft: Draft, index: number, at: number): Draft {
  if (!Number.isFinite(at) || at < 0) return draft;
  return withActions(
    draft,
    draft.scenario.actions.map((a, i) => (i === index ? { ...a, at } : a)),
  );
}

export function addBeat(draft: Draft, at: number): Draft {
  return { ...draft, beats: sortCaptionBeats([...draft.beats, { at: Math.max(0, at), caption: { ko: '', en: '' } }]) };
}

export function updateBeat(draft: Draft, index: number, patch: Partial<DraftBeat>): Draft {
  const beats = draft.beats.map((b, i) => (i === index ? { ...b, ...patch } : b));
  return { ...draft, beats: patch.at === undefined ? beats : sortCaptionBeats(beats) };
}

export function deleteBeat(draft: Draft, index: number): Draft {
  return { ...draft, beats: draft.beats.filter((_, i) => i !== index) };
}

/** A stable id for a saved lesson from its name (the library's ids are never taken). */
export function lessonId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30);
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  const id = `my-${slug ? `${slug}-` : ''}${hash.toString(36)}`;
  return LESSON_ID.test(id) ? id : `my-${hash.toString(36)}`;
}

/** The draft as a lesson the player can walk (a draft with no pause points pauses at 0). */
export function draftLesson(draft: Draft): Lesson {
  const name = draft.name.trim() || 'Untitled';
  const beats: Beat[] = (draft.beats.length > 0 ? draft.beats : [{ at: 0, caption: { ko: '', en: '' } }]).map((b) => ({
    at: b.at,
    caption: b.caption,
  }));
  return {
    id: lessonId(name),
    section: '',
    title: { ko: name, en: name },
    summary: { ko: '', en: '' },
    scenario: compactScenario(draft.scenario),
    beats,
  };
}

export function lessonToDraft(lesson: Lesson): Draft | null {
  const result = validateScenario(lesson.scenario);
  if (!result.ok) return null;
  return {
    name: lesson.title.en || lesson.title.ko,
    scenario: result.scenario,
    beats: lesson.beats.map((b) => ({ at: b.at, caption: b.caption })),
  };
}

/** The scenario file, as `npm run sim -- FILE.json` reads it. */
export function scenarioFile(draft: Draft): string {
  return `${JSON.stringify(compactScenario(draft.scenario), null, 2)}\n`;
}

/** The lesson file: name and pause points with the scenario inside. */
export function lessonFile(draft: Draft): string {
  const body = {
    format: LESSON_FILE_FORMAT,
    version: 1,
    name: draft.name,
    beats: draft.beats,
    scenario: compactScenario(draft.scenario),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export type ImportResult =
  { readonly ok: true; readonly draft: Draft } | { readonly ok: false; readonly errors: string[] };

/**
 * Why a file this app is about to write could not be imported again (too large, too many actions…),
 * or nothing: the check is the importer itself, so its limits and the writer's cannot differ.
 */
export function checkWritten(text: string): string[] {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return [`the file would be ${bytes} bytes; a file is read up to ${MAX_FILE_BYTES}`];
  const result = readImport(text);
  return result.ok ? [] : result.errors;
}

/** Reads an imported file: a plain scenario, or a lesson file. Never throws; errors name the field. */
export function readImport(text: string, fallbackName = ''): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON (${cut(e instanceof Error ? e.message : 'unreadable', 80)})`] };
  }
  return readImportValue(json, fallbackName);
}

/** `readImport` for a value already parsed (the autosaved draft holds the file inside its own JSON). */
export function readImportValue(json: unknown, fallbackName = ''): ImportResult {
  if (isRecord(json) && json.format === LESSON_FILE_FORMAT) {
    const errors: string[] = [];
    if (json.version !== 1) errors.push(`version: this app reads lesson files of version 1`);
    const name = typeof json.name === 'string' ? json.name.slice(0, MAX_NAME_CHARS) : fallbackName;
    const beats = readCaptionBeats(json.beats, errors);
    const result = validateScenario(json.scenario);
    if (!result.ok)
      errors.push(
        ...result.errors.map((e) => (e.startsWith('(scenario)') ? `scenario${e.slice(10)}` : `scenario.${e}`)),
      );
    if (errors.length > 0 || !result.ok) return { ok: false, errors: capErrors(errors) };
    return { ok: true, draft: { name, scenario: result.scenario, beats } };
  }
  const result = validateScenario(json);
  if (!result.ok) return { ok: false, errors: result.errors };
  return { ok: true, draft: draftFromRun(result.scenario, fallbackName) };
}

/** One line for an action, as the action list shows it (plain text). */
export function describeAction(action: Action): string {
  switch (action.do) {
    case 'kill':
    case 'restart':
    case 'isolate':
    case 'restore':
    case 'timeout':
    case 'heartbeat':
    case 'snapshot':
      return `${action.do} ${action.node}`;
    case 'setTimeout':
      return `setTimeout ${action.node} ${action.ms} ms`;
    case 'heal':
      return 'heal';
    case 'partition':
      return `partition ${action.groups.map((g) => g.join(' ')).join(' | ')}`;
    case 'submit':
      return `submit "${action.command}"${action.node ? ` → ${action.node}` : ''}`;
    case 'change':
      return `change ${[...(action.add ?? []).map((id) => `+${id}`), ...(action.remove ?? []).map((id) => `−${id}`)].join(' ')}`;
    case 'cut':
    case 'mend':
      return `${action.do} ${action.from} ${action.oneWay ? '→' : '⇄'} ${action.to}`;
    case 'network': {
      const parts: string[] = [];
      if (action.dropRate !== undefined) parts.push(`dropRate ${action.dropRate}`);
      if (action.duplicateRate !== undefined) parts.push(`duplicateRate ${action.duplicateRate}`);
      if (action.reorder !== undefined) parts.push(`reorder ${action.reorder}`);
      if (action.latency !== undefined) parts.push(`latency ${action.latency.join('–')} ms`);
      return `network ${parts.join(', ')}`;
    }
    case 'setOptions': {
      const flags = { ...action.options, ...action.unsafe };
      return `setOptions ${Object.entries(flags)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`;
    }
    case 'drop':
    case 'deliver':
    case 'duplicate':
      return `${action.do} message #${action.message}`;
    case 'transfer':
      return `transfer leadership → ${action.to}`;
    case 'clock':
      return `clock ${action.node} ×${action.rate}`;
  }
}
