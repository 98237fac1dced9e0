// The layout of the rules panel (Figure 2 of the paper, as node.ts implements it, plus the
// options) and which settings are on. Pure: the panel draws it, the tests read it.

import type { RaftOptions, UnsafeSwitches } from '../../raft/types';
import type { Scenario } from '../../scenario/schema';
import type { OptionSwitches } from '../../sim/scenario-types';
import type { TraceEvent } from '../../sim/types';
import type { RuleId } from '../explain/explain';

export type SectionId = 'all' | 'followers' | 'candidates' | 'leaders' | 'rv' | 'ae' | 'options';
export type OptionName = 'preVote' | 'checkQuorum' | 'leaderNoop' | 'fastBackup';

export interface RuleLine {
  readonly id: RuleId;
  /** The number shown ("1.", "2."); a continued condition shows none. */
  readonly n: string;
  /** Options lines: the switch that turns the rule on. */
  readonly option?: OptionName;
}

export interface RuleSection {
  readonly id: SectionId;
  readonly lines: readonly RuleLine[];
}

export const RULE_SECTIONS: readonly RuleSection[] = [
  {
    id: 'all',
    lines: [
      { id: 'all.apply', n: '1.' },
      { id: 'all.higherTerm', n: '2.' },
      { id: 'all.persist', n: '3.' },
    ],
  },
  { id: 'followers', lines: [{ id: 'follower.timeout', n: '1.' }] },
  {
    id: 'candidates',
    lines: [
      { id: 'candidate.start', n: '1.' },
      { id: 'candidate.win', n: '2.' },
      { id: 'candidate.leaderSeen', n: '3.' },
    ],
  },
  {
    id: 'leaders',
    lines: [
      { id: 'leader.announce', n: '1.' },
      { id: 'leader.heartbeat', n: '2.' },
      { id: 'leader.client', n: '3.' },
      { id: 'leader.backup', n: '4.' },
      { id: 'leader.commit', n: '5.' },
    ],
  },
  {
    id: 'rv',
    lines: [
      { id: 'rv.stale', n: '1.' },
      { id: 'rv.votedFor', n: '2.' },
      { id: 'rv.upToDate', n: '' },
    ],
  },
  {
    id: 'ae',
    lines: [
      { id: 'ae.stale', n: '1.' },
      { id: 'ae.check', n: '2.' },
      { id: 'ae.conflict', n: '3.' },
      { id: 'ae.append', n: '4.' },
      { id: 'ae.commit', n: '5.' },
    ],
  },
  {
    id: 'options',
    lines: [
      { id: 'opt.preVote', n: '•', option: 'preVote' },
      { id: 'opt.checkQuorum', n: '•', option: 'checkQuorum' },
      { id: 'opt.leaderNoop', n: '•', option: 'leaderNoop' },
      { id: 'opt.fastBackup', n: '•', option: 'fastBackup' },
    ],
  },
];

/** Which rule each unsafe switch breaks. */
export const BROKEN_BY: Record<keyof UnsafeSwitches, RuleId> = {
  noElectionRestriction: 'rv.upToDate',
  commitPreviousTerms: 'leader.commit',
  forgetOnRestart: 'all.persist',
  // Both answer a client without the leader's check that it still leads (§6.4).
  localReads: 'leader.client',
  leaseIgnoresDrift: 'leader.client',
};

export interface ActiveSettings {
  readonly options: Readonly<Record<OptionName, boolean>>;
  readonly unsafe: UnsafeSwitches;
}

/**
 * The options and unsafe switches in force: the scenario's, then every setOptions action of the
 * feed in order (the snapshot does not carry them). Actions older than the feed are not seen.
 */
export function activeSettings(scenario: Scenario, feed: readonly TraceEvent[]): ActiveSettings {
  const o: RaftOptions = scenario.options;
  const options: Record<OptionName, boolean> = {
    preVote: o.preVote,
    checkQuorum: o.checkQuorum,
    leaderNoop: o.leaderNoop,
    fastBackup: o.fastBackup,
  };
  const unsafe: { -readonly [K in keyof UnsafeSwitches]: boolean } = { ...scenario.unsafe };
  for (const r of scenario.actions) if (r.do === 'setOptions' && r.at === 0) apply(r);
  for (const r of feed)
    if (r.kind === 'action' && r.error === undefined && r.action.do === 'setOptions') apply(r.action);
  return { options, unsafe };

  function apply(a: {
    options?: OptionSwitches;
    unsafe?: Partial<Record<keyof UnsafeSwitches, boolean | undefined>>;
  }): void {
    for (const [k, v] of Object.entries(a.options ?? {}))
      if (typeof v === 'boolean' && k in options) options[k as OptionName] = v;
    for (const [k, v] of Object.entries(a.unsafe ?? {})) if (v !== undefined) unsafe[k as keyof UnsafeSwitches] = v;
  }
}
