// Every field of the selected message, named as in Figure 2, and a button to drop it.
// The panel closes by itself once the message has arrived (it is no longer in flight).

import { Fragment, type ReactNode } from 'react';
import { useSimStore } from '../../store/sim-store';
import { CLIENT, type Endpoint, type Envelope } from '../../sim/types';
import { useStrings } from '../i18n';
import { travelFraction } from './geometry';
import { messageLook } from './message-kind';
import { MessageShape } from './MessageShape';
import styles from './Cluster.module.css';
import { DETAIL_STRINGS, FIELDS } from './message-details-strings';
import { STRINGS } from './strings';

type Row = readonly [label: string, value: ReactNode];

export function MessageDetails() {
  const message = useSimStore((s) =>
    s.selectedMessage === null ? undefined : s.snapshot?.messages.find((m) => m.id === s.selectedMessage),
  );
  const time = useSimStore((s) => s.snapshot?.time ?? 0);
  const selectMessage = useSimStore((s) => s.selectMessage);
  const act = useSimStore((s) => s.act);
  const t = { ...useStrings(STRINGS), ...useStrings(DETAIL_STRINGS) };
  const f = useStrings(FIELDS);
  if (!message) return null;

  const rows = fieldRows(message, time, t, f);
  const titleId = `message-${message.id}-title`;
  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <div className={styles.panelHeader}>
        <h2 id={titleId}>
          <svg viewBox="-40 -20 80 40" width={44} height={22} aria-hidden="true">
            <MessageShape look={messageLook(message.payload)} />
          </svg>
          {t.detailsTitle(message.id)}
        </h2>
        <button type="button" className={styles.button} onClick={() => selectMessage(null)}>
          {t.close}
        </button>
      </div>
      <dl className={styles.fields}>
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <button
        type="button"
        className={`${styles.button} ${styles.danger}`}
        onClick={() => act({ do: 'drop', message: message.id })}
      >
        {t.drop}
      </button>
    </section>
  );
}

function fieldRows(
  message: Envelope,
  time: number,
  t: (typeof STRINGS)['en'] & (typeof DETAIL_STRINGS)['en'],
  f: (typeof FIELDS)['en'],
): Row[] {
  const name = (e: Endpoint): string => (e === CLIENT ? t.clientName : e);
  const yesNo = (b: boolean): string => (b ? t.yes : t.no);
  const p = message.payload;
  const rows: Row[] = [
    [f.type, p.type],
    [f.from, name(message.from)],
    [f.to, name(message.to)],
    [f.sentAt, t.ms(message.sentAt)],
    [f.deliverAt, t.ms(message.deliverAt)],
    [f.progress, t.percent(travelFraction(time, message.sentAt, message.deliverAt))],
  ];
  switch (p.type) {
    case 'RequestVote':
    case 'PreVote':
      rows.push(
        [f.term, p.term],
        [f.candidateId, p.candidateId],
        [f.lastLogIndex, p.lastLogIndex],
        [f.lastLogTerm, p.lastLogTerm],
        [f.preVote, yesNo(p.type === 'PreVote')],
      );
      break;
    case 'RequestVoteReply':
      rows.push([f.term, p.term], [f.voteGranted, yesNo(p.voteGranted)], [f.preVote, t.no]);
      break;
    case 'PreVoteReply':
      rows.push([f.term, p.term], [f.voteGranted, yesNo(p.voteGranted)], [f.preVote, t.yes]);
      break;
    case 'AppendEntries':
      rows.push(
        [f.term, p.term],
        [f.leaderId, p.leaderId],
        [f.prevLogIndex, p.prevLogIndex],
        [f.prevLogTerm, p.prevLogTerm],
        [
          f.entries,
          p.entries.length === 0 ? (
            t.noEntries
          ) : (
            <ol className={styles.entries}>
              {p.entries.map((entry, i) => (
                <li key={i}>{t.entryLine(p.prevLogIndex + i + 1, entry.term, entry.command || t.noop)}</li>
              ))}
            </ol>
          ),
        ],
        [f.leaderCommit, p.leaderCommit],
      );
      break;
    case 'AppendEntriesReply':
      rows.push([f.term, p.term], [f.success, yesNo(p.success)]);
      if (p.success) rows.push([f.matchIndex, p.matchIndex]);
      else rows.push([f.conflict, t.conflictHint(p.conflictTerm, p.conflictIndex)]);
      break;
    case 'ClientRequest':
      rows.push([f.requestId, p.requestId], [f.command, p.command]);
      break;
    case 'ClientReply':
      rows.push([f.requestId, p.requestId], [f.success, yesNo(p.success)]);
      if (p.result !== undefined) rows.push([f.result, p.result]);
      if (p.leaderHint !== undefined) rows.push([f.leaderHint, p.leaderHint ?? t.none]);
      if (p.transferringTo !== undefined) rows.push([f.transferringTo, p.transferringTo]);
      if (p.changeDeferred !== undefined) rows.push([f.changeDeferred, p.changeDeferred]);
      if (p.error !== undefined) rows.push([f.error, p.error]);
      break;
  }
  if (message.lost) rows.push([f.lost, `${t.yes}: ${t.lostNote}`]);
  if (message.duplicate) rows.push([f.duplicate, t.yes]);
  return rows;
}
