import { useId } from 'react';
import { majorityOf } from '../../raft/quorum';
import { MAX_NODES } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { randomSeed, reload } from './live-settings';
import { Section } from './Section';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

const SIZES = Array.from({ length: MAX_NODES }, (_, i) => i + 1);

/** §5: a quorum is ⌊N/2⌋+1; the cluster survives N − quorum failures. */
export function quorumOf(nodes: number): { majority: number; tolerated: number } {
  const needed = majorityOf(nodes);
  return { majority: needed, tolerated: nodes - needed };
}

export function ClusterSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const nodes = useSimStore((s) => s.scenario.nodes);
  const seed = useSimStore((s) => s.scenario.seed);
  const sizeId = useId();
  const { majority, tolerated } = quorumOf(nodes);

  return (
    <Section name="cluster" title={t.cluster} open>
      <div className={styles.row}>
        <label htmlFor={sizeId}>{t.size}</label>
        <select
          id={sizeId}
          value={nodes}
          aria-describedby={`${sizeId}-quorum`}
          onChange={(e) => reload({ nodes: Number(e.currentTarget.value), initial: {}, actions: [] })}
        >
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {t.sizeNodes(n)}
            </option>
          ))}
        </select>
      </div>
      <p id={`${sizeId}-quorum`} className={styles.quorum}>
        <strong>{t.quorum(majority, tolerated)}</strong>
        {nodes % 2 === 0 ? <span className={styles.note}> {t.evenNote(nodes)}</span> : null}
      </p>
      <p className={styles.note}>{t.sizeRestarts}</p>
      <div className={styles.row}>
        <span>
          {t.seed}: <code data-testid="seed">{seed}</code>
        </span>
        <button type="button" onClick={() => reload({ seed: randomSeed() })} title={t.seedHint}>
          {t.newSeed}
        </button>
      </div>
    </Section>
  );
}
