import { useId, useState, type FormEvent } from 'react';
import { MAX_LATENCY } from '../../scenario/bounds';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { setNetwork } from './live-settings';
import { Section } from './Section';
import { NumberInput } from './NumberInput';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

const RATES = [0, 0.05, 0.1, 0.2, 0.3, 0.5];

const percent = (rate: number): string => `${Math.round(rate * 1000) / 10}%`;

export function FaultsSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const id = useId();
  const dropRate = useSimStore((s) => s.snapshot?.network.dropRate ?? s.scenario.network.dropRate);
  const duplicateRate = useSimStore((s) => s.snapshot?.network.duplicateRate ?? s.scenario.network.duplicateRate);
  const reorder = useSimStore((s) => s.snapshot?.network.reorder ?? s.scenario.network.reorder);
  const latencyLo = useSimStore((s) => s.snapshot?.network.latency[0] ?? s.scenario.timing.latency[0]);
  const latencyHi = useSimStore((s) => s.snapshot?.network.latency[1] ?? s.scenario.timing.latency[1]);

  return (
    <Section name="faults" title={t.faults}>
      <div className={styles.faultGrid}>
        <label htmlFor={`${id}-drop`}>{t.dropRate}</label>
        <RateSelect id={`${id}-drop`} value={dropRate} onChange={(v) => setNetwork({ dropRate: v })} />
        <label htmlFor={`${id}-dup`}>{t.duplicateRate}</label>
        <RateSelect id={`${id}-dup`} value={duplicateRate} onChange={(v) => setNetwork({ duplicateRate: v })} />
        <label htmlFor={`${id}-reorder`}>{t.reorder}</label>
        <input
          id={`${id}-reorder`}
          type="checkbox"
          checked={reorder}
          onChange={(e) => setNetwork({ reorder: e.currentTarget.checked })}
        />
      </div>
      {/* Re-key on the engine's latency, so a reset or a lesson shows its own values. */}
      <LatencyForm key={`${latencyLo}-${latencyHi}`} lo={latencyLo} hi={latencyHi} />
    </Section>
  );
}

function RateSelect(props: { readonly id: string; readonly value: number; readonly onChange: (v: number) => void }) {
  const options = RATES.includes(props.value) ? RATES : [...RATES, props.value].sort((a, b) => a - b);
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(Number(e.currentTarget.value))}>
      {options.map((rate) => (
        <option key={rate} value={rate}>
          {percent(rate)}
        </option>
      ))}
    </select>
  );
}

function LatencyForm({ lo, hi }: { readonly lo: number; readonly hi: number }) {
  const t = useStrings(SETTINGS_STRINGS);
  const id = useId();
  const [min, setMin] = useState(String(lo));
  const [max, setMax] = useState(String(hi));
  const [invalid, setInvalid] = useState(false);

  const apply = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const a = Number(min);
    const b = Number(max);
    const ok = min.trim() !== '' && max.trim() !== '' && a >= 0 && b >= a && b <= MAX_LATENCY;
    setInvalid(!ok);
    if (ok) setNetwork({ latency: [a, b] });
  };

  return (
    <form onSubmit={apply} noValidate>
      <fieldset className={styles.fieldset}>
        <legend>
          {t.latency} <span className={styles.note}>({t.latencyNow(lo, hi)})</span>
        </legend>
        <div className={styles.row}>
          <NumberInput
            id={`${id}-min`}
            label={t.latencyMin}
            invalid={invalid}
            max={MAX_LATENCY}
            value={min}
            onChange={setMin}
          />
          <span aria-hidden="true">–</span>
          <NumberInput
            id={`${id}-max`}
            label={t.latencyMax}
            invalid={invalid}
            max={MAX_LATENCY}
            value={max}
            onChange={setMax}
          />
          <button type="submit">{t.applyLatency}</button>
        </div>
        {invalid ? (
          <p className={styles.problem} role="alert">
            {t.latencyInvalid(MAX_LATENCY)}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
