// What the interpreter says about one trace record: a Reading. Every part of the view that
// tells what happened (the feed, "Why?", the rules panel) shows Readings, so an event is worded,
// tied to Figure 2 and to the course notes in exactly one place: its entry in the table.

import type { NodeId, RaftEvent } from '../../raft/types';
import type { ClientEvent, TraceEvent } from '../../sim/types';
import type { Lang } from '../../store/sim-store';

/** A text in both languages of the app. Entries build both, so a language switch only picks the other. */
export interface Localized {
  readonly en: string;
  readonly ko: string;
}

/** The lines of the rules panel (Figure 2 and the options), so a reading can point at one. */
export type RuleId =
  | 'all.apply'
  | 'all.higherTerm'
  | 'all.persist'
  | 'follower.timeout'
  | 'candidate.start'
  | 'candidate.win'
  | 'candidate.leaderSeen'
  | 'leader.announce'
  | 'leader.heartbeat'
  | 'leader.client'
  | 'leader.backup'
  | 'leader.commit'
  | 'rv.stale'
  | 'rv.votedFor'
  | 'rv.upToDate'
  | 'ae.stale'
  | 'ae.check'
  | 'ae.conflict'
  | 'ae.append'
  | 'ae.commit'
  | 'opt.preVote'
  | 'opt.checkQuorum'
  | 'opt.leaderNoop'
  | 'opt.fastBackup'
  | 'ext.transfer'
  | 'ext.readIndex'
  | 'ext.lease';

/** How a feed line looks (its glyph and colour). */
export type Tone = 'election' | 'log' | 'commit' | 'client' | 'action' | 'error' | 'violation' | 'message';

/** Where a rule comes from: the paper, Ongaro's thesis, or Figure 2 itself. */
export type Source = { readonly paper: string } | { readonly thesis: string } | 'Figure 2';

export interface Reading {
  /** The node whose rule ran (null for the client, the class's actions, a violation). */
  readonly node: NodeId | null;
  readonly tone: Tone;
  /** The sentence: the feed's line and the "Why?" panel's text. */
  readonly text: Localized;
  /** The rules-panel lines it executed (none for what is not a rule of Raft: a crash, a client's send). */
  readonly rules: readonly RuleId[];
  /** Course-notes section (a heading of raft-overview.{ko,en}.md), e.g. "§6.3". */
  readonly section?: string;
  readonly source?: Source;
  /** The rule's condition evaluated on the real values: "lastLogTerm 2 > 3? no → refuse". */
  readonly check?: Localized;
  /** An unsafe switch let this happen. */
  readonly unsafe?: Localized;
  readonly violation?: boolean;
  /**
   * Said only in "Why?" and the rules panel, not as a feed line: a step's detail (a vote counted,
   * a heartbeat) the feed would drown in. Messages (tone 'message') show in the feed only on request.
   */
  readonly quiet?: boolean;
}

/** The other records of the step a record belongs to: one decision of a node can take several events. */
export interface StepView {
  readonly records: readonly TraceEvent[];
  /** The events of `type` that `node` emitted in this step, in order. */
  events<T extends RaftEvent['type']>(node: NodeId, type: T): Extract<RaftEvent, { type: T }>[];
}

/** What an entry is given besides its event. */
export interface At {
  readonly node: NodeId;
  readonly record: TraceEvent;
  readonly step: StepView;
}

export type Readings = Reading | readonly Reading[] | null;

export type NodeEventOf<K extends RaftEvent['type']> = Extract<RaftEvent, { type: K }>;
export type ClientEventOf<K extends ClientEvent['type']> = Extract<ClientEvent, { type: K }>;

/**
 * One entry per kind of node event. Adding a kind to RaftEvent is adding one entry here (the
 * table's type makes a missing one a compile error): its sentence in both languages, the rules,
 * the section and the check, all from the event's own fields.
 */
export type NodeEventTable = { readonly [K in RaftEvent['type']]: (e: NodeEventOf<K>, at: At) => Readings };

export type ClientEventTable = {
  readonly [K in ClientEvent['type']]: (e: ClientEventOf<K>, at: Omit<At, 'node'>) => Readings;
};

/** Both languages at once: `both('A voted', 'A가 투표함')`. */
export const both = (en: string, ko: string): Localized => ({ en, ko });

/** The text of `l` in `lang`. */
export const inLang = (l: Localized, lang: Lang): string => l[lang];
