// Timing (§5.2): the election timeout range and the heartbeat interval, which a new run starts with
// (the nodes draw their timeouts from the range), and a per-node "next timeout" to stage a split vote:
// that node's running election timer is re-armed to fire in the given ms (a live `setTimeout` action).

import { useId, useState, type FormEvent } from 'react';
import { ELECTION_TIMEOUT_HEARTBEATS, MAX_TIME, MIN_ELECTION_TIMEOUT } from '../../scenario/bounds';
import { nodeNames } from '../../scenario/schema';
import { validateScenario } from '../../scenario/validate';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { reload } from './live-settings';
import { Section } from './Section';
import { NumberInput } from './NumberInput';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

export function TimingSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const timing = useSimStore((s) => s.scenario.timing);
  const [lo, hi] = timing.electionTimeout;
  return (
    <Section name="timing" title={t.timing}>
      {/* Re-keyed on the scenario's values, so a reset or a lesson shows its own. */}
      <TimingForm
        key={`${lo}-${hi}-${timing.heartbeatInterval}`}
        lo={lo}
        hi={hi}
        heartbeat={timing.heartbeatInterval}
      />
      <NextTimeoutForm />
    </Section>
  );
}

function TimingForm(props: { readonly lo: number; readonly hi: number; readonly heartbeat: number }) {
  const t = useStrings(SETTINGS_STRINGS);
  const id = useId();
  const [min, setMin] = useState(String(props.lo));
  const [max, setMax] = useState(String(props.hi));
  const [heartbeat, setHeartbeat] = useState(String(props.heartbeat));
  const [problems, setProblems] = useState<readonly string[]>([]);

  const apply = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const scenario = useSimStore.getState().scenario;
    const asNumber = (text: string): number | string => (text.trim() === '' ? text : Number(text));
    const timing = {
      ...scenario.timing,
      electionTimeout: [asNumber(min), asNumber(max)],
      heartbeatInterval: asNumber(heartbeat),
    };
    // The same check as a file or a link: every bound of src/scenario/bounds.ts, the field named.
    const result = validateScenario({ ...scenario, timing });
    if (!result.ok) {
      setProblems(result.errors);
      return;
    }
    setProblems([]);
    reload({ timing: result.scenario.timing });
  };

  const invalid = (field: string): boolean => problems.some((p) => p.startsWith(`timing.${field}`));
  return (
    <form onSubmit={apply} noValidate>
      <fieldset className={styles.fieldset}>
        <legend>{t.electionTimeout}</legend>
        <div className={styles.row}>
          <NumberInput
            id={`${id}-min`}
            label={t.electionTimeoutMin}
            invalid={invalid('electionTimeout')}
            value={min}
            onChange={setMin}
          />
          <span aria-hidden="true">–</span>
          <NumberInput
            id={`${id}-max`}
            label={t.electionTimeoutMax}
            invalid={invalid('electionTimeout')}
            value={max}
            onChange={setMax}
          />
        </div>
        <div className={styles.row}>
          <label htmlFor={`${id}-hb`}>{t.heartbeatInterval}</label>
          <NumberInput
            id={`${id}-hb`}
            invalid={invalid('heartbeatInterval')}
            value={heartbeat}
            onChange={setHeartbeat}
          />
        </div>
        <p className={styles.note}>{t.timingRule(ELECTION_TIMEOUT_HEARTBEATS, MIN_ELECTION_TIMEOUT)}</p>
        <div className={styles.row}>
          <button type="submit">{t.applyTiming}</button>
          <span className={styles.note}>{t.timingRestarts}</span>
        </div>
        {problems.length > 0 ? (
          <ul className={styles.problem} role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
    </form>
  );
}

function NextTimeoutForm() {
  const t = useStrings(SETTINGS_STRINGS);
  const id = useId();
  const count = useSimStore((s) => s.scenario.nodes);
  const act = useSimStore((s) => s.act);
  const [node, setNode] = useState('A');
  const [ms, setMs] = useState('100');
  const [invalid, setInvalid] = useState(false);
  const names = nodeNames(count);
  const chosen = names.includes(node) ? node : names[0]!;

  const apply = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const value = Number(ms);
    const ok = ms.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= MAX_TIME;
    setInvalid(!ok);
    if (ok) act({ do: 'setTimeout', node: chosen, ms: value });
  };

  return (
    <form onSubmit={apply} noValidate>
      <fieldset className={styles.fieldset}>
        <legend>{t.nextTimeout}</legend>
        <p className={styles.note} id={`${id}-help`}>
          {t.nextTimeoutHelp}
        </p>
        <div className={styles.row}>
          <label htmlFor={`${id}-node`}>{t.nextTimeoutNode}</label>
          <select id={`${id}-node`} value={chosen} onChange={(e) => setNode(e.currentTarget.value)}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <NumberInput
            id={`${id}-ms`}
            label={t.nextTimeoutMs}
            invalid={invalid}
            value={ms}
            onChange={setMs}
            describedBy={`${id}-help`}
          />
          <button type="submit">{t.nextTimeoutApply}</button>
        </div>
        {invalid ? (
          <p className={styles.problem} role="alert">
            {t.nextTimeoutInvalid(MAX_TIME)}
          </p>
        ) : null}
      </fieldset>
    </form>
  );
}
