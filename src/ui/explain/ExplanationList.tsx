// One step's explanations as a list: the section and source, the sentence, and the rule's
// condition evaluated on the recorded values. Exported for the event feed and the Why panel.

import { useMemo } from 'react';
import type { LogEntry, NodeId } from '../../raft/types';
import type { TraceEvent } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { explainStep, recordsOfStep, type Explanation } from './explain';
import styles from './Explain.module.css';

export function ExplanationItem({ explanation: e }: { readonly explanation: Explanation }) {
  return (
    <li className={`${styles.explanation} ${e.violation ? styles.violation : ''}`}>
      <span className={styles.section}>
        {e.section}
        {e.source ? <span className={styles.source}> ({e.source})</span> : null}
      </span>{' '}
      {e.violation ? (
        <span aria-hidden="true" className={styles.warn}>
          ⚠{' '}
        </span>
      ) : null}
      <span>{e.text}</span>
      {e.check ? <code className={styles.check}>{e.check}</code> : null}
      {e.unsafe ? <strong className={styles.unsafe}>⚠ {e.unsafe}</strong> : null}
    </li>
  );
}

/** The explanations of step `step`, found in `records` (the feed or the feed's history). */
export function StepExplanations({
  step,
  records,
  empty,
}: {
  readonly step: number;
  readonly records: readonly TraceEvent[];
  readonly empty?: string;
}) {
  const lang = useSimStore((s) => s.lang);
  const nodes = useSimStore((s) => s.snapshot?.nodes);
  const clusterSize = useSimStore((s) => s.snapshot?.nodes.length ?? s.scenario.nodes);
  const explanations = useMemo(() => {
    const logs: Record<NodeId, readonly LogEntry[]> = {};
    for (const n of nodes ?? []) logs[n.id] = n.log;
    return explainStep(recordsOfStep(records, step), { lang, clusterSize, feed: records, logs });
  }, [records, step, lang, clusterSize, nodes]);
  if (explanations.length === 0) return empty ? <p className={styles.empty}>{empty}</p> : null;
  return (
    <ul className={styles.list}>
      {explanations.map((e, i) => (
        <ExplanationItem key={i} explanation={e} />
      ))}
    </ul>
  );
}
