// The interpreter: every trace record to its Readings, through one table entry per kind of event.
// The feed, the "Why?" panel and the rules panel all read these, so a sentence, its Figure 2
// rule, its course-notes section and its evaluated condition are written once.
//
// To teach the view a new kind of node event, add one entry to NODE_EVENTS (its own file for a
// new topic, like election.ts): the table's type lists every RaftEvent kind, so a missing entry is
// a compile error. New client events and actions work the same way (client.ts, actions.ts).
// A topic file exports `const MEMBERSHIP_EVENTS: Pick<NodeEventTable, 'configChanged' | …>` whose
// entries return a Reading: both languages side by side (`both(en, ko)`), the rules, the section,
// and a check built from the event's own fields; it is spread into NODE_EVENTS below.

import type { RaftEvent } from '../../raft/types';
import type { ClientEvent, InvariantName, TraceEvent, Violation } from '../../sim/types';
import type { Lang } from '../../store/sim-store';
import { refusalMessage } from '../refusal-text';
import { violationDetail } from '../violation-detail';
import { readAction } from './actions';
import { CLIENT_EVENTS } from './client';
import { COMMIT_EVENTS } from './commit';
import { ELECTION_EVENTS } from './election';
import { GLOSSARY } from './glossary';
import { describeMessage, DROP_REASON } from './messages';
import { both, type At, type NodeEventTable, type Reading, type Readings, type Source } from './reading';
import { MEMBERSHIP_EVENTS } from './membership';
import { REPLICATION_EVENTS } from './replication';
import { SNAPSHOT_EVENTS } from './snapshot';
import { TRANSFER_EVENTS } from './transfer';
import { asList, groupSteps, stepView } from './step';
import { invariantName } from './terms';

export const NODE_EVENTS: NodeEventTable = {
  ...ELECTION_EVENTS,
  ...REPLICATION_EVENTS,
  ...COMMIT_EVENTS,
  ...SNAPSHOT_EVENTS,
  ...MEMBERSHIP_EVENTS,
  ...TRANSFER_EVENTS,
};

const INVARIANT_SECTION: Record<InvariantName, { section: string; source: Source }> = {
  'Election Safety': { section: '§3.2', source: { paper: '§5.2' } },
  'Leader Append-Only': { section: '§7.2', source: { paper: '§5.3' } },
  'Log Matching': { section: '§7.1', source: { paper: '§5.3' } },
  'Leader Completeness': { section: '§6.3', source: { paper: '§5.4' } },
  'State Machine Safety': { section: '§4', source: { paper: '§5.4.3' } },
  'Term Monotonic': { section: '§6.2', source: 'Figure 2' },
  'Vote Stability': { section: '§3.2', source: 'Figure 2' },
  'Commit Bounds': { section: '§4', source: 'Figure 2' },
  'Configuration Safety': { section: '§3', source: { paper: '§6' } },
  'Commit Quorum': { section: '§4', source: { paper: '§6' } },
  Linearizability: { section: '§4', source: { thesis: '§6.4' } },
};

/** The course-notes section and source of an invariant. */
export function invariantSection(invariant: InvariantName): { section: string; source: Source } {
  return INVARIANT_SECTION[invariant];
}

/** "paper §5.4.1", "학위논문 §9.6", "Figure 2". */
export function sourceText(source: Source, lang: Lang): string {
  if (source === 'Figure 2') return source;
  return 'paper' in source ? `${GLOSSARY[lang].paper} ${source.paper}` : `${GLOSSARY[lang].thesis} ${source.thesis}`;
}

/** "§6.3 (paper §5.4.1): B refused …", one line for tests and plain-text places. */
export function formatReading(r: Reading, lang: Lang): string {
  const head = r.section ? `${r.section}${r.source ? ` (${sourceText(r.source, lang)})` : ''}: ` : '';
  return `${head}${r.text[lang]}`;
}

export function violationReading(v: Violation): Reading {
  const { section, source } = INVARIANT_SECTION[v.invariant];
  return {
    node: null,
    tone: 'violation',
    text: both(
      `Invariant violated — ${invariantName(v.invariant, 'en')}: ${violationDetail(v, 'en')}`,
      `불변식 위반 — ${invariantName(v.invariant, 'ko')}: ${violationDetail(v, 'ko')}`,
    ),
    rules: [],
    section,
    source,
    violation: true,
  };
}

/** The readings of one record, given the records of its step. */
export function readRecord(r: TraceEvent, step: readonly TraceEvent[], view = stepView(step)): readonly Reading[] {
  switch (r.kind) {
    case 'node': {
      const at: At = { node: r.node, record: r, step: view };
      const entry = NODE_EVENTS[r.event.type] as (e: RaftEvent, at: At) => Readings;
      return asList(entry(r.event, at));
    }
    case 'client': {
      const entry = CLIENT_EVENTS[r.event.type] as (e: ClientEvent, at: Omit<At, 'node'>) => Readings;
      return asList(entry(r.event, { record: r, step: view }));
    }
    case 'action': {
      const refusal = r.refusal ? both(refusalMessage(r.refusal, 'en'), refusalMessage(r.refusal, 'ko')) : null;
      return asList(readAction(r, refusal, view));
    }
    case 'crashed':
      // A kill action of the same step says it, with what survives on disk.
      if (step.some((x) => x.kind === 'action' && x.action.do === 'kill' && x.action.node === r.node && !x.error))
        return [];
      return [{ node: r.node, tone: 'action', text: both(`${r.node} crashed`, `${r.node}가 중단됨`), rules: [] }];
    case 'restarted':
      return [
        {
          node: r.node,
          tone: 'action',
          text: both(
            `${r.node} restarted from disk with currentTerm ${r.term} and votedFor ${r.votedFor ?? 'null'} (persistent state); commitIndex and lastApplied start again at 0`,
            `${r.node}가 디스크에 남은 currentTerm ${r.term}, votedFor ${r.votedFor ?? 'null'}로 다시 시작함 (영속 상태); commitIndex와 lastApplied는 0부터 다시 시작`,
          ),
          rules: ['all.persist'],
          section: '§2',
          source: 'Figure 2',
        },
      ];
    case 'violation':
      return [violationReading(r.violation)];
    case 'timerFired':
      // An election timer is told by the election it starts; a heartbeat is a step's quiet detail.
      if (r.timer !== 'heartbeat') return [];
      return [
        {
          node: r.node,
          tone: 'log',
          quiet: true,
          text: both(
            `${r.node}'s heartbeat interval elapsed: it sends AppendEntries to every follower (empty ones are heartbeats) so no election timeout fires`,
            `${r.node}의 하트비트 간격이 지남: 모든 팔로워에게 AppendEntries를 보냄 (빈 것은 하트비트) — 선거 타임아웃이 만료되지 않도록`,
          ),
          rules: ['leader.heartbeat'],
          section: '§2',
          source: { paper: '§5.2' },
        },
      ];
    case 'sent': {
      const what = describeMessage(r.message.payload);
      const { from, to } = r.message;
      return [
        {
          node: null,
          tone: 'message',
          text: both(`${from} → ${to}: ${what.en}`, `${from} → ${to}: ${what.ko}`),
          rules: [],
        },
      ];
    }
    case 'dropped': {
      // A message the class dropped is told by its action.
      if (r.reason === 'dropped-by-user' && step.some((x) => x.kind === 'action')) return [];
      const what = describeMessage(r.message.payload);
      const why = DROP_REASON[r.reason];
      const { from, to } = r.message;
      return [
        {
          node: null,
          tone: 'message',
          text: both(
            `${from} → ${to}: ${what.en} was lost (${why.en})`,
            `${from} → ${to}: ${what.ko} 메시지가 사라짐(${why.ko})`,
          ),
          rules: [],
        },
      ];
    }
    case 'delivered':
      // Told through what the receiver does with it.
      return [];
  }
}

/** The readings of one step, the class's actions first: what the class did, then what the cluster did about it. */
export function readStep(step: readonly TraceEvent[]): Reading[] {
  const view = stepView(step);
  const out: Reading[] = [];
  for (const r of step) if (r.kind === 'action') out.push(...readRecord(r, step, view));
  for (const r of step) if (r.kind !== 'action') out.push(...readRecord(r, step, view));
  return out;
}

/** One step of a trace with its readings. */
export interface ReadStep {
  /** Stable across frames: the step number and the position of the group within its step. */
  readonly key: string;
  readonly step: number;
  readonly time: number;
  readonly records: readonly TraceEvent[];
}

/** A trace cut into steps (keys stay the same as the trace grows). */
export function stepsOf(records: readonly TraceEvent[]): ReadStep[] {
  const out: ReadStep[] = [];
  const perStep = new Map<number, number>();
  for (const group of groupSteps(records)) {
    const first = group[0]!;
    const n = perStep.get(first.step) ?? 0;
    perStep.set(first.step, n + 1);
    out.push({ key: `${first.step}.${n}`, step: first.step, time: first.time, records: group });
  }
  return out;
}

/** The records of one step, in feed order. */
export function recordsOfStep(feed: readonly TraceEvent[], step: number): TraceEvent[] {
  return feed.filter((r) => r.step === step);
}

/** The step of the newest record, or null for an empty feed. */
export function latestStep(feed: readonly TraceEvent[]): number | null {
  return feed.length === 0 ? null : feed[feed.length - 1]!.step;
}

/** What a step's readings say in the feed: everything but quiet details, and messages only on request. */
export function feedLines(readings: readonly Reading[], showMessages: boolean): Reading[] {
  return readings.filter((r) => !r.quiet && (showMessages || r.tone !== 'message'));
}

/** What "Why?" and the rules panel explain: the readings that ran a rule, and violations. */
export function explained(readings: readonly Reading[]): Reading[] {
  return readings.filter((r) => r.rules.length > 0 || r.violation === true);
}
