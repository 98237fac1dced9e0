import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { majorityOf } from '../../raft/quorum';
import { nodeNames } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { Section } from './Section';
import styles from './Settings.module.css';
import { SETTINGS_STRINGS } from './strings';

const GROUPS = [1, 2, 3] as const;

export function PartitionSection() {
  const t = useStrings(SETTINGS_STRINGS);
  const nodes = useSimStore((s) => s.scenario.nodes);
  return (
    <Section name="partition" title={t.partition}>
      <p className={styles.note}>{t.partitionHelp}</p>
      {/* A new cluster size starts a fresh draft. */}
      <PartitionForm key={nodes} names={nodeNames(nodes)} />
    </Section>
  );
}

/** The suggested first split: a majority in group 1, the rest in group 2. */
function suggestedGroups(names: readonly string[]): Record<string, number> {
  const needed = majorityOf(names.length);
  return Object.fromEntries(names.map((name, i) => [name, i < needed ? 1 : 2]));
}

function PartitionForm({ names }: { readonly names: readonly string[] }) {
  const t = useStrings(SETTINGS_STRINGS);
  const act = useSimStore((s) => s.act);
  const current = useSimStore(useShallow((s) => s.snapshot?.network.partition ?? null));
  const broken = useSimStore((s) => {
    const net = s.snapshot?.network;
    return net !== undefined && (net.partition !== null || net.cutLinks.length > 0 || net.isolated.length > 0);
  });
  const [groupOf, setGroupOf] = useState<Record<string, number>>(() => suggestedGroups(names));
  const [problem, setProblem] = useState(false);

  const apply = (): void => {
    const groups = GROUPS.map((g) => names.filter((n) => groupOf[n] === g)).filter((members) => members.length > 0);
    if (groups.length < 2) {
      setProblem(true);
      return;
    }
    setProblem(false);
    act({ do: 'partition', groups });
  };

  return (
    <>
      <div className={styles.groupGrid}>
        {names.map((name) => (
          <label key={name} className={styles.groupPick}>
            <span className={styles.nodeName} aria-hidden="true">
              {name}
            </span>
            <select
              aria-label={t.groupOf(name)}
              value={groupOf[name] ?? 1}
              data-group={groupOf[name] ?? 1}
              onChange={(e) => {
                const g = Number(e.currentTarget.value);
                setGroupOf((prev) => ({ ...prev, [name]: g }));
                setProblem(false);
              }}
            >
              {GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t.group(g)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className={styles.row}>
        <button type="button" onClick={apply}>
          {t.applyPartition}
        </button>
        <button type="button" onClick={() => act({ do: 'heal' })} disabled={!broken} title={t.healHelp}>
          {t.heal}
        </button>
      </div>
      <p className={problem ? styles.problem : styles.note} role={problem ? 'alert' : undefined}>
        {problem ? (
          t.needTwoGroups
        ) : (
          <>
            {t.currentPartition}:{' '}
            {current === null ? t.notPartitioned : current.map((group) => `{${group.join(' ')}}`).join(' | ')}
          </>
        )}
      </p>
    </>
  );
}
