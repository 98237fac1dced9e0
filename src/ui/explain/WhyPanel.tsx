// "Why?": the latest step explained rule by rule, why the selected message was sent, and the
// entries a leader holds on a majority but may not commit yet (§5.4.2), from the frame's commitDeferred.

import { useId, useMemo } from 'react';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { deferredReading } from '../interpret/commit';
import { latestStep, recordsOfStep } from '../interpret/interpret';
import { messageWhy } from '../interpret/messages';
import styles from './Explain.module.css';
import { ExplanationItem, StepExplanations } from './ExplanationList';
import { EXPLAIN_STRINGS } from './strings';

export function WhyPanel() {
  const t = useStrings(EXPLAIN_STRINGS);
  const lang = useSimStore((s) => s.lang);
  const feed = useSimStore((s) => s.feed);
  const nodes = useSimStore((s) => s.snapshot?.nodes);
  const message = useSimStore((s) =>
    s.selectedMessage === null ? undefined : s.snapshot?.messages.find((m) => m.id === s.selectedMessage),
  );
  const titleId = useId();
  const step = latestStep(feed);
  const records = useMemo(() => (step === null ? [] : recordsOfStep(feed, step)), [feed, step]);
  const why = useMemo(() => (message ? messageWhy(message, feed) : null), [message, feed]);
  const pending = useMemo(
    () =>
      (nodes ?? []).flatMap((n) =>
        n.alive && n.role === 'leader' && n.commitDeferred
          ? [deferredReading(n.id, { ...n.commitDeferred, currentTerm: n.currentTerm, quorum: n.quorum })]
          : [],
      ),
    [nodes],
  );

  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      <h2 id={titleId} className={styles.title}>
        {t.title}
      </h2>
      {message && why ? (
        <div className={styles.block}>
          <h3 className={styles.subtitle}>{t.messageTitle(message.id)}</h3>
          <p className={styles.why}>{why[lang]}</p>
        </div>
      ) : null}
      <div className={styles.block}>
        <h3 className={styles.subtitle}>{t.latest}</h3>
        {step === null ? (
          <p className={styles.empty}>{t.waiting}</p>
        ) : (
          <StepExplanations records={records} empty={t.nothing} />
        )}
      </div>
      {pending.length > 0 ? (
        <div className={styles.block}>
          <h3 className={styles.subtitle}>{t.pending}</h3>
          <ul className={styles.list}>
            {pending.map((e, i) => (
              <ExplanationItem key={i} reading={e} />
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
