// The key to the message glyphs, drawn with the same shapes as the messages themselves. A small
// toggle in the stage's corner: open, the list lies over the ring instead of taking its room.

import { memo } from 'react';
import type { WireMessage } from '../../sim/types';
import { useStrings } from '../i18n';
import { messageLook } from './message-kind';
import { MessageShape } from './MessageShape';
import styles from './Cluster.module.css';
import { STRINGS } from './strings';

const rv = { type: 'RequestVote', term: 1, candidateId: 'A', lastLogIndex: 0, lastLogTerm: 0 } as const;
const ae = { type: 'AppendEntries', term: 1, leaderId: 'A', prevLogIndex: 0, prevLogTerm: 0, leaderCommit: 0 } as const;
const aer = {
  type: 'AppendEntriesReply',
  term: 1,
  prevLogIndex: 0,
  matchIndex: 0,
  conflictTerm: 0,
  conflictIndex: 0,
} as const;

/** One sample payload per kind, in the order a student meets them. */
const SAMPLES: readonly WireMessage[] = [
  rv,
  { ...rv, type: 'PreVote' },
  { type: 'RequestVoteReply', term: 1, voteGranted: true },
  { type: 'RequestVoteReply', term: 1, voteGranted: false },
  { ...ae, entries: [] },
  {
    ...ae,
    entries: [
      { term: 1, command: 'x' },
      { term: 1, command: 'y' },
    ],
  },
  { ...aer, success: true },
  { ...aer, success: false },
  { type: 'ClientRequest', requestId: 1, command: 'set x 1' },
  { type: 'ClientReply', requestId: 1, success: true, result: '1' },
  { type: 'ClientReply', requestId: 1, success: false, leaderHint: 'B' },
  // Thesis §3.10 and §6.4: a transfer's last step, a heartbeat round that confirms a read, a follower's read.
  { type: 'TimeoutNow', term: 1, leaderId: 'A' },
  { ...ae, entries: [], readContext: 1 },
  { type: 'ReadIndex', term: 1, requestId: 1 },
];
const LOOKS = SAMPLES.map(messageLook);

export const MessageLegend = memo(function MessageLegend() {
  const t = useStrings(STRINGS);
  return (
    <details className={styles.legend}>
      <summary className={styles.legendTitle}>{t.legend}</summary>
      <ul aria-label={t.legend}>
        {LOOKS.map((look) => (
          <li key={look.kind}>
            <svg viewBox="-40 -20 80 40" width={52} height={26} aria-hidden="true">
              <MessageShape look={look} />
            </svg>
            {look.kind === 'append' ? `${t.kind(look.kind)} +n` : t.kind(look.kind)}
          </li>
        ))}
      </ul>
    </details>
  );
});
