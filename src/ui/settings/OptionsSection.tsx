import { useId } from 'react';
import type { Scenario } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { UNSAFE_SWITCH_NAMES } from '../../sim/types';
import { setOptions } from './live-settings';
import { Section } from './Section';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

type OptionKey = 'preVote' | 'checkQuorum' | 'leaderNoop' | 'fastBackup';
type UnsafeKey = keyof Scenario['unsafe'];

const OPTIONS: readonly OptionKey[] = ['preVote', 'checkQuorum', 'leaderNoop', 'fastBackup'];
const UNSAFE: readonly UnsafeKey[] = UNSAFE_SWITCH_NAMES;

export function OptionsSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const options = useSimStore((s) => s.scenario.options);
  return (
    <Section name="options" title={t.options}>
      <ul className={styles.switches}>
        {OPTIONS.map((key) => (
          <Switch
            key={key}
            label={t[key]}
            help={t[`${key}Help`]}
            checked={options[key]}
            onChange={(on) => setOptions({ [key]: on }, {})}
          />
        ))}
      </ul>
      <MembershipMode />
      <p className={styles.note}>{t.keptOnReset}</p>
    </Section>
  );
}

/** Single-server changes or joint consensus (§6; dissertation §4). */
function MembershipMode() {
  const t = useStrings(SETTINGS_STRINGS);
  const mode = useSimStore((s) => s.scenario.options.membership ?? 'single');
  const name = useId();
  return (
    <fieldset className={styles.switches} aria-describedby={`${name}-help`}>
      <legend>{t.membership}</legend>
      {(['single', 'joint'] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={mode === value}
            onChange={() => setOptions({ membership: value }, {})}
          />{' '}
          {value === 'single' ? t.membershipSingle : t.membershipJoint}
        </label>
      ))}
      <small id={`${name}-help`}>{t.membershipHelp}</small>
    </fieldset>
  );
}

export function UnsafeSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const unsafe = useSimStore((s) => s.scenario.unsafe);
  const anyOn = UNSAFE.some((key) => unsafe[key]);
  return (
    <Section
      name="unsafe"
      tone="warning"
      title={
        <>
          <span aria-hidden="true">⚠</span> {t.unsafe}
          {anyOn ? <span className={styles.unsafeBadge}>{t.unsafeOn}</span> : null}
        </>
      }
    >
      <p className={styles.warning}>{t.unsafeWarning}</p>
      <ul className={styles.switches}>
        {UNSAFE.map((key) => (
          <Switch
            key={key}
            unsafe
            label={t[key]}
            help={t[`${key}Help`]}
            checked={unsafe[key] ?? false}
            onChange={(on) => setOptions({}, { [key]: on })}
          />
        ))}
      </ul>
      <p className={styles.note}>{t.keptOnReset}</p>
    </Section>
  );
}

function Switch(props: {
  readonly label: string;
  readonly help: string;
  readonly checked: boolean;
  readonly unsafe?: boolean;
  readonly onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <li className={props.unsafe && props.checked ? styles.switchUnsafeOn : styles.switch}>
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-help`}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <p id={`${id}-help`} className={styles.switchHelp}>
        {props.help}
      </p>
    </li>
  );
}
