import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nodeNames } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { Section } from './Section';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

export function LinkSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const nodes = useSimStore((s) => s.scenario.nodes);
  return (
    <Section name="links" title={t.links}>
      <p className={styles.note}>{t.linksHelp}</p>
      <LinkForm key={nodes} names={nodeNames(nodes)} />
      <CutLinks />
    </Section>
  );
}

function LinkForm({ names }: { readonly names: readonly string[] }) {
  const t = useStrings(SETTINGS_STRINGS);
  const act = useSimStore((s) => s.act);
  const id = useId();
  const [from, setFrom] = useState(names[0] ?? 'A');
  const [to, setTo] = useState(names[1] ?? names[0] ?? 'A');
  const [oneWay, setOneWay] = useState(false);
  const cut = useSimStore(useShallow((s) => s.snapshot?.network.cutLinks ?? []));
  const same = from === to;
  // Mending a link that is not cut would do nothing: the button says so instead.
  const isCut = cut.includes(`${from}>${to}`) || (!oneWay && cut.includes(`${to}>${from}`));

  return (
    <>
      <div className={styles.linkGrid}>
        <label htmlFor={`${id}-from`}>{t.from}</label>
        <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <label htmlFor={`${id}-to`}>{t.to}</label>
        <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
        <label htmlFor={`${id}-dir`}>{t.direction}</label>
        <select
          id={`${id}-dir`}
          value={oneWay ? 'one' : 'both'}
          onChange={(e) => setOneWay(e.currentTarget.value === 'one')}
        >
          <option value="both">{t.bothWays} (⇄)</option>
          <option value="one">{t.oneWay} (→)</option>
        </select>
      </div>
      <div className={styles.row}>
        <button type="button" disabled={same} onClick={() => act({ do: 'cut', from, to, oneWay })}>
          {t.cut}
        </button>
        <button type="button" disabled={same || !isCut} onClick={() => act({ do: 'mend', from, to, oneWay })}>
          {t.mend}
        </button>
        {same ? (
          <span className={styles.problem}>{t.sameNode}</span>
        ) : !isCut ? (
          <span className={styles.note}>{t.notCut(from, to, oneWay)}</span>
        ) : null}
      </div>
    </>
  );
}

function CutLinks() {
  const t = useStrings(SETTINGS_STRINGS);
  const act = useSimStore((s) => s.act);
  const cut = useSimStore(useShallow((s) => s.snapshot?.network.cutLinks ?? []));
  return (
    <div className={styles.cutLinks}>
      <span>{t.cutLinks}:</span>
      {cut.length === 0 ? <span className={styles.note}>{t.noCutLinks}</span> : null}
      {cut.map((key) => {
        const [from = '', to = ''] = key.split('>');
        return (
          <button
            key={key}
            type="button"
            className={styles.chip}
            aria-label={t.mendLink(from, to)}
            onClick={() => act({ do: 'mend', from, to, oneWay: true })}
          >
            {from} → {to} <span aria-hidden="true">✕</span>
          </button>
        );
      })}
    </div>
  );
}
