// Manual delivery: time stands still and the class decides what happens next — deliver,
// drop or duplicate one message in flight, or fire a node's election timer.

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../../store/sim-store';
import { messageLook } from '../cluster/message-kind';
import { STRINGS as CLUSTER_STRINGS } from '../cluster/strings';
import { useStrings } from '../i18n';
import { AlarmIcon } from './icons';
import { envelopeName } from '../cluster/message-name';
import { MANUAL_STRINGS } from './manual-strings';
import { TIME_STRINGS } from './strings';
import styles from './Time.module.css';

export function ManualDelivery() {
  const t = useStrings(TIME_STRINGS);
  const tm = useStrings(MANUAL_STRINGS);
  const c = useStrings(CLUSTER_STRINGS);
  const manual = useSimStore((s) => s.manual);
  const messages = useSimStore((s) => s.snapshot?.messages);
  const nodes = useSimStore(
    useShallow((s) =>
      (s.snapshot?.nodes ?? []).map((n) => `${n.id}:${n.alive ? 1 : 0}:${n.alive && n.role === 'leader' ? 1 : 0}`),
    ),
  );
  const act = useSimStore((s) => s.act);
  const selected = useSimStore((s) => s.selectedMessage);
  const hoverMessage = useSimStore((s) => s.hoverMessage);
  const titleId = useId();
  if (!manual) return null;

  // The one due first is what would happen next if time ran: list in that order.
  const ordered = [...(messages ?? [])].sort((a, b) => a.deliverAt - b.deliverAt || a.id - b.id);

  return (
    <section className={`panel ${styles.manualPanel}`} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.heading}>
        {t.manual}
      </h2>
      <p className={styles.manualNote}>{t.manualExplain}</p>
      <h3 className={styles.subheading}>{tm.timers}</h3>
      <div className={styles.timerRow}>
        {nodes.map((entry) => {
          const [id = '', alive, leader] = entry.split(':');
          return (
            <span key={id} className={styles.timerRow}>
              <button
                type="button"
                className={styles.small}
                disabled={alive !== '1'}
                aria-label={tm.fireTimer(id)}
                title={tm.fireTimer(id)}
                onClick={() => act({ do: 'timeout', node: id })}
              >
                <AlarmIcon /> {id}
              </button>
              {leader === '1' ? (
                // A leader's heartbeat: in manual mode it only beats when the class says so.
                <button
                  type="button"
                  className={styles.small}
                  aria-label={tm.fireHeartbeat(id)}
                  title={tm.fireHeartbeat(id)}
                  onClick={() => act({ do: 'heartbeat', node: id })}
                >
                  ♥ {id}
                </button>
              ) : null}
            </span>
          );
        })}
      </div>
      <h3 className={styles.subheading}>
        {tm.inFlight} ({ordered.length})
      </h3>
      {ordered.length === 0 ? (
        <p className={styles.muted}>{tm.noMessages}</p>
      ) : (
        <ul className={styles.inFlight} aria-label={tm.inFlight}>
          {ordered.map((m) => {
            // The number the feed and the trace use ("deliver #13"), so the two can be matched.
            const name = envelopeName(c, m);
            const look = messageLook(m.payload);
            return (
              <li
                key={m.id}
                aria-label={tm.numbered(m.id, name)}
                className={m.id === selected ? styles.inFlightSelected : undefined}
                onMouseEnter={() => hoverMessage(m.id)}
                onMouseLeave={() => hoverMessage(null)}
              >
                <span className={styles.glyph} style={{ background: look.color }} aria-hidden="true">
                  {look.glyph}
                </span>
                <span className={styles.messageText}>
                  <span className={styles.muted}>#{m.id}</span> {name}
                  <span className={styles.muted}> · {tm.dueAt(m.deliverAt)}</span>
                </span>
                <span className={styles.messageActions}>
                  <button
                    type="button"
                    className={styles.small}
                    aria-label={tm.deliverName(name)}
                    onClick={() => act({ do: 'deliver', message: m.id })}
                  >
                    {tm.deliver}
                  </button>
                  <button
                    type="button"
                    className={styles.small}
                    aria-label={tm.dropName(name)}
                    onClick={() => act({ do: 'drop', message: m.id })}
                  >
                    {tm.drop}
                  </button>
                  <button
                    type="button"
                    className={styles.small}
                    aria-label={tm.duplicateName(name)}
                    onClick={() => act({ do: 'duplicate', message: m.id })}
                  >
                    {tm.duplicate}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
