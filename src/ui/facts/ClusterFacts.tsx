// The numbers a class needs at a glance (course notes §5): N, the majority ⌊N/2⌋+1,
// the failures tolerated ⌊(N−1)/2⌋, who is alive, who leads in which term, the
// virtual time, and, in red, any invariant the checker caught broken. N and the majority
// are those of the configuration the cluster follows (§6, from the frame): in C_old,new,
// a majority of each of its two voter sets.

import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { ROLE_COLOR, termColor } from '../theme';
import { leadersOf } from '../logs/leader';
import { SET_COLOR } from '../cluster/QuorumOutlines';
import { ringSplit } from '../cluster/membership-view';
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
  const { nodes, violations, membership } = snapshot;
  const { ring: voters, apart } = ringSplit(snapshot);
  const n = voters.length;
  // What the engine counts with: one voter set, or C_old then C_new in a joint configuration.
  const old = membership.configuration.old;
  const sets = [...membership.quorum].sort((a, b) => Number(sameSet(b.voters, old)) - Number(sameSet(a.voters, old)));
  const alive = new Set(nodes.filter((x) => x.alive).map((x) => x.id));
  const aliveIn = (ids: readonly string[]) => ids.filter((id) => alive.has(id)).length;
  const live = aliveIn(voters);
  const tolerated = Math.min(...sets.map((q) => q.voters.length - q.needed));
  const quorumLost = sets.some((q) => aliveIn(q.voters) < q.needed);
  const leaders = leadersOf(nodes);
  const highestTerm = Math.max(0, ...nodes.map((x) => x.currentTerm));
  const invariants = [...new Set(violations.map((v) => v.invariant))];

  return (
    <section className={styles.panel} aria-label={t.title}>
      <h2 className={styles.title}>{t.title}</h2>
      {violations.length > 0 ? (
        <a className={styles.violations} href={`#${VIOLATIONS_ANCHOR}`}>
          <span aria-hidden="true">⚠ </span>
          {t.violations(violations.length)}: {invariants.map(t.invariant).join(', ')} — {t.seeFeed}
        </a>
      ) : null}
      <dl className={styles.facts}>
        <Fact name={t.size} value={String(n)} note={apart.length > 0 ? `${t.sizeHow}; ${t.apart(apart)}` : undefined} />
        <div className={styles.fact}>
          <dt>
            {t.majority}
            <span className={styles.how}> {t.majorityHow}</span>
          </dt>
          <dd>
            <span className={styles.value}>{sets.map((q) => q.needed).join(' + ')}</span>{' '}
            <span className={styles.needs} data-testid="quorum-needs">
              {old !== undefined ? <span className={styles.jointNote}>{t.joint}: </span> : null}
              {t.needs(sets.map((q) => q.voters))}
            </span>
            {old !== undefined ? (
              <span className={styles.setKey} aria-hidden="true">
                <span style={{ borderColor: SET_COLOR.old, borderStyle: 'dashed' }}>C_old</span>
                <span style={{ borderColor: SET_COLOR.new }}>C_new</span>
              </span>
            ) : null}
          </dd>
        </div>
        <Fact name={t.tolerated} value={String(tolerated)} how={t.toleratedHow} />
        <Fact name={t.live} value={t.liveOf(live, n)} warn={quorumLost ? t.noQuorum : undefined} />
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

function sameSet(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((id) => b.includes(id));
}

function Fact({
  name,
  value,
  how,
  note,
  warn,
}: {
  name: string;
  value: string;
  how?: string | undefined;
  note?: string | undefined;
  warn?: string | undefined;
}) {
  return (
    <div className={styles.fact}>
      <dt>
        {name}
        {how ? <span className={styles.how}> {how}</span> : null}
      </dt>
      <dd>
        <span className={styles.value}>{value}</span>
        {note ? <span className={styles.note}> {note}</span> : null}
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
