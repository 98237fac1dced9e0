// Leadership transfer (dissertation §3.10) and reads without the log (§6.4 ReadIndex, §6.4.1
// lease): one reading per event, worded by transfer-phrases.ts. Each sentence opens with the
// dissertation section it follows; the reading carries it as its source.

import type { RaftEvent, RaftMessage } from '../../raft/types';
import type { Action } from '../../sim/scenario-types';
import { both, type At, type Localized, type NodeEventTable, type Readings, type RuleId } from './reading';
import {
  describeTransferMessage,
  narrateTransferAction,
  narrateTransferEvent,
  type TransferEvent,
} from './transfer-phrases';

type TransferEvents = Pick<NodeEventTable, TransferEvent['type']>;

/** "§6.4.1 B answers …" → ["§6.4.1", "B answers …"]. */
function splitSection(text: string): [string | null, string] {
  const m = /^(§[\d.]+) (.*)$/s.exec(text);
  return m ? [m[1]!, m[2]!] : [null, text];
}

/** The rules panel's lines a transfer or read event follows (Figure 2's client rule when a read is answered). */
function rulesOf(e: RaftEvent): RuleId[] {
  switch (e.type) {
    case 'transferStarted':
    case 'transferRefused':
    case 'timeoutNowSent':
    case 'transferEnded':
      return ['ext.transfer'];
    case 'readAnswered':
      // A local answer (unsafe.localReads) skipped ReadIndex's check: point at the rule it broke.
      return [e.via === 'lease' ? 'ext.lease' : 'ext.readIndex', 'leader.client'];
    case 'readStarted':
    case 'readRoundConfirmed':
    case 'readAbandoned':
      return ['ext.readIndex'];
    default:
      return [];
  }
}

function reading(e: RaftEvent, at: At): Readings {
  // A follower's read asks the leader for a read index in the same step (§6.4): the step says whom.
  let askedLeader: string | null = null;
  for (const r of at.step.records)
    if (r.kind === 'sent' && r.message.from === at.node && r.message.payload.type === 'ReadIndex')
      askedLeader = r.message.to;
  const en = narrateTransferEvent(at.node, e, 'en', askedLeader);
  const ko = narrateTransferEvent(at.node, e, 'ko', askedLeader);
  if (en === null || ko === null) return null;
  const [section, enText] = splitSection(en.text);
  const koText = splitSection(ko.text)[1];
  const isRead = e.type.startsWith('read');
  const rules = rulesOf(e);
  return {
    node: at.node,
    tone: en.tone,
    text: both(enText, koText),
    rules,
    // The course notes stop before transfer and reads: §3 (elections) and §4 (clients) are nearest.
    section: isRead ? '§4' : '§3',
    ...(section ? { source: { thesis: section } } : {}),
    ...(e.type === 'readAnswered' && e.via === 'local'
      ? { unsafe: both('unsafe.localReads: answered from local state', 'unsafe.localReads: 자기 상태로 답함') }
      : {}),
  };
}

export const TRANSFER_EVENTS: TransferEvents = {
  transferStarted: reading,
  transferRefused: reading,
  timeoutNowSent: reading,
  transferEnded: reading,
  readStarted: reading,
  readRoundConfirmed: reading,
  readAnswered: reading,
  readAbandoned: reading,
};

export function describeTransferMessageBoth(m: RaftMessage): Localized | null {
  const en = describeTransferMessage(m, 'en');
  const ko = describeTransferMessage(m, 'ko');
  return en === null || ko === null ? null : both(en, ko);
}

export function transferActionReading(action: Action): Localized {
  return both(narrateTransferAction(action, 'en') ?? action.do, narrateTransferAction(action, 'ko') ?? action.do);
}
