// One step's readings as a list: the section and source, the sentence, and the rule's condition
// evaluated on the recorded values. Exported for the event feed and the Why panel.

import { useMemo } from 'react';
import type { TraceEvent } from '../../sim/types';
import { useSimStore } from '../../store/sim-store';
import { explained, readStep, sourceText } from '../interpret/interpret';
import type { Reading } from '../interpret/reading';
import styles from './Explain.module.css';

export function ExplanationItem({ reading: e }: { readonly reading: Reading }) {
  const lang = useSimStore((s) => s.lang);
  return (
    <li className={`${styles.explanation} ${e.violation ? styles.violation : ''}`}>
      {e.section ? (
        <span className={styles.section}>
          {e.section}
          {e.source ? <span className={styles.source}> ({sourceText(e.source, lang)})</span> : null}
        </span>
      ) : null}{' '}
      {e.violation ? (
        <span aria-hidden="true" className={styles.warn}>
          ⚠{' '}
        </span>
      ) : null}
      <span>{e.text[lang]}</span>
      {e.check ? <code className={styles.check}>{e.check[lang]}</code> : null}
      {e.unsafe ? <strong className={styles.unsafe}>⚠ {e.unsafe[lang]}</strong> : null}
    </li>
  );
}

/** The explanations of one step, from its records. */
export function StepExplanations({
  records,
  empty,
}: {
  readonly records: readonly TraceEvent[];
  readonly empty?: string;
}) {
  const readings = useMemo(() => explained(readStep(records)), [records]);
  if (readings.length === 0) return empty ? <p className={styles.empty}>{empty}</p> : null;
  return (
    <ul className={styles.list}>
      {readings.map((e, i) => (
        <ExplanationItem key={i} reading={e} />
      ))}
    </ul>
  );
}
