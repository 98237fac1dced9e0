// Reads without the log (thesis §6.4, §6.4.1) and each node's clock rate: the read mode and
// follower reads switch live; a clock rate is a live action; the drift bound restarts the run.

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReadMode } from '../../sim/scenario-types';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { reload, setOptions } from './live-settings';
import { READS_STRINGS } from './reads-strings';
import { Section } from './Section';
import styles from './Settings.module.css';

const READ_MODES: readonly ReadMode[] = ['log', 'readIndex', 'lease'];
const RATES = [0.5, 0.8, 1, 1.25, 1.5, 2, 3, 5];
const BOUNDS = [1, 1.25, 1.5, 2, 3, 5];

export function ReadsSection() {
  const t = useStrings(READS_STRINGS);
  const id = useId();
  const reads = useSimStore((s) => s.scenario.options.reads);
  const followerReads = useSimStore((s) => s.scenario.options.followerReads);
  const bound = useSimStore((s) => s.scenario.timing.clockDriftBound);
  const clocks = useSimStore(useShallow((s) => (s.snapshot?.nodes ?? []).map((n) => `${n.id}:${n.clockRate}`)));
  const act = useSimStore((s) => s.act);
  const timing = useSimStore((s) => s.scenario.timing);

  return (
    <Section name="reads" title={t.title}>
      <div className={styles.faultGrid}>
        <label htmlFor={`${id}-reads`}>{t.reads}</label>
        <select
          id={`${id}-reads`}
          value={reads}
          aria-describedby={`${id}-reads-help`}
          onChange={(e) => setOptions({ reads: e.currentTarget.value as ReadMode }, {})}
        >
          {READ_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t.mode(mode)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-follower`}>{t.followerReads}</label>
        <input
          id={`${id}-follower`}
          type="checkbox"
          checked={followerReads}
          onChange={(e) => setOptions({ followerReads: e.currentTarget.checked }, {})}
        />
      </div>
      <p id={`${id}-reads-help`} className={styles.note}>
        {t.readsHelp}
      </p>
      <p className={styles.note}>{t.clocks}</p>
      <div className={styles.faultGrid} data-testid="clock-rates">
        {clocks.map((entry) => {
          const [node, rateText] = entry.split(':') as [string, string];
          const rate = Number(rateText);
          const options = RATES.includes(rate) ? RATES : [...RATES, rate].sort((a, b) => a - b);
          return (
            <ClockRow
              key={node}
              node={node}
              rate={rate}
              options={options}
              onChange={(r) => act({ do: 'clock', node, rate: r })}
            />
          );
        })}
      </div>
      <p className={styles.note}>{t.clocksHelp}</p>
      <div className={styles.faultGrid}>
        <label htmlFor={`${id}-drift`}>{t.drift}</label>
        <select
          id={`${id}-drift`}
          value={bound}
          onChange={(e) => reload({ timing: { ...timing, clockDriftBound: Number(e.currentTarget.value) } })}
        >
          {(BOUNDS.includes(bound) ? BOUNDS : [...BOUNDS, bound].sort((a, b) => a - b)).map((b) => (
            <option key={b} value={b}>
              ×{b}
            </option>
          ))}
        </select>
      </div>
      <p className={styles.note}>{t.driftRestarts}</p>
    </Section>
  );
}

function ClockRow(props: {
  readonly node: string;
  readonly rate: number;
  readonly options: readonly number[];
  readonly onChange: (rate: number) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.node}</label>
      <select id={id} value={props.rate} onChange={(e) => props.onChange(Number(e.currentTarget.value))}>
        {props.options.map((r) => (
          <option key={r} value={r}>
            ×{r}
          </option>
        ))}
      </select>
    </>
  );
}
