// The numbers a class needs at a glance (course notes §5): N, the majority ⌊N/2⌋+1,
// the failures tolerated ⌊(N−1)/2⌋, who is alive, who leads in which term, the
// virtual time, and, in red, any invariant the checker caught broken.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { ROLE_COLOR, termColor } from '../theme';
import { leadersOf } from '../logs/leader';
import styles from './ClusterFacts.module.css';
import { FACTS_STRINGS } from './strings';

/** Where the feed lists violations; the facts link there. */
export const VIOLATIONS_ANCHOR = 'feed-violations';

export function ClusterFacts() {
  const t = useStrings(FACTS_STRINGS);
  const snapshot = useSimStore((s) => s.snapshot);
  if (!snapshot) {
    return (
      <section className={styles.panel} aria-label={t.title}>
        <h2 className={styles.title}>{t.title}</h2>
        <p>{t.waiting}</p>
      </section>
    );
  }
  const { nodes, violations } = snapshot;
  const n = nodes.length;
  // What the engine counts with; a joint configuration's second set shows with the membership view.
  const needed = nodes[0]?.quorum[0]?.needed ?? 0;
  const live = nodes.filter((x) => x.alive).length;
  const leaders = leadersOf(nodes);
  const highestTerm = Math.max(0, ...nodes.map((x) => x.currentTerm));
  const invariants = [...new Set(violations.map((v) => v.invariant))];

  return (
    <section className={styles.panel} aria-label={t.title}>
      <h2 className={styles.title}>{t.title}</h2>
      {violations.length > 0 ? (
        <a className={styles.violations} href={`#${VIOLATIONS_ANCHOR}`}>
          <span aria-hidden="true">⚠ </span>
          {t.violations(violations.length)}: {invariants.join(', ')} — {t.seeFeed}
        </a>
      ) : null}
      <dl className={styles.facts}>
        <Fact name={t.size} value={String(n)} />
        <Fact name={t.majority} value={String(needed)} how={t.majorityHow} />
        <Fact name={t.tolerated} value={String(n - needed)} how={t.toleratedHow} />
        <Fact name={t.live} value={t.liveOf(live, n)} warn={live < needed ? t.noQuorum : undefined} />
        <div className={styles.fact}>
          <dt>{t.leader}</dt>
          <dd>
            {leaders.length === 0 ? (
              <span className={styles.muted}>{t.noLeader}</span>
            ) : (
              leaders.map((l, i) => (
                <span key={l.id} className={styles.leader}>
                  <span style={{ color: ROLE_COLOR.leader }} aria-hidden="true">
                    ♛{' '}
                  </span>
                  {t.leaderOf(l.id, l.currentTerm)}
                  {i > 0 ? <span className={styles.muted}> — {t.staleLeader}</span> : null}
                </span>
              ))
            )}
          </dd>
        </div>
        <div className={styles.fact}>
          <dt>{t.term}</dt>
          <dd>
            <span className={styles.termChip} style={{ borderColor: termColor(highestTerm) }}>
              {highestTerm}
            </span>
          </dd>
        </div>
        <Fact name={t.time} value={t.ms(snapshot.time)} />
      </dl>
    </section>
  );
}

function Fact({ name, value, how, warn }: { name: string; value: string; how?: string; warn?: string | undefined }) {
  return (
    <div className={styles.fact}>
      <dt>
        {name}
        {how ? <span className={styles.how}> {how}</span> : null}
      </dt>
      <dd>
        <span className={styles.value}>{value}</span>
        {warn ? (
          <span className={styles.warn} role="status">
            <span aria-hidden="true">⚠ </span>
            {warn}
          </span>
        ) : null}
      </dd>
    </div>
  );
}
