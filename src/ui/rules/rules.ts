// The layout of the rules panel (Figure 2 of the paper, as node.ts implements it, plus the
// options) and which rule each unsafe switch breaks. Pure: the panel draws it, the tests read it.
// Which options and switches are on is the frame's (ClusterFrame.options/unsafe), never rebuilt here.

import type { UnsafeSwitches } from '../../raft/types';
import type { RuleId } from '../interpret/reading';

export type SectionId = 'all' | 'followers' | 'candidates' | 'leaders' | 'rv' | 'ae' | 'options' | 'beyond';
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
  {
    // Past Figure 2: leadership transfer and reads without the log, from Ongaro's dissertation.
    id: 'beyond',
    lines: [
      { id: 'ext.transfer', n: '§3.10' },
      { id: 'ext.readIndex', n: '§6.4' },
      { id: 'ext.lease', n: '§6.4.1' },
    ],
  },
];

/** Which rule each unsafe switch breaks. */
export const BROKEN_BY: Record<keyof UnsafeSwitches, RuleId> = {
  noElectionRestriction: 'rv.upToDate',
  commitPreviousTerms: 'leader.commit',
  forgetOnRestart: 'all.persist',
  snapshotUncommitted: 'all.apply',
  // Membership (§6): two disjoint majorities elect two leaders; a stale configuration overwrites a commit.
  directMembershipChange: 'candidate.win',
  changeBeforeTermCommit: 'leader.commit',
  // Both answer a client without the leader's check that it still leads (§6.4).
  localReads: 'ext.readIndex',
  leaseIgnoresDrift: 'ext.lease',
};
