// Every field of Figure 2 for the selected node, grouped as the paper groups them:
// persistent state (on disk, survives a crash), volatile state, the leader's
// nextIndex[]/matchIndex[], the candidate's votes, and the node's timers.

import { SnapshotFields } from './SnapshotFields';
import { useId, type ReactNode } from 'react';
import type { NodeFrame, TimerSnapshot } from '../../sim/types';
import type { ChangedField } from '../../store/step-changes';
import { useSimStore } from '../../store/sim-store';
import { useStrings } from '../i18n';
import { ROLE_COLOR, termColor } from '../theme';
import styles from './NodeInspector.module.css';
import { INSPECTOR_STRINGS } from './strings';

export function NodeInspector() {
  const t = useStrings(INSPECTOR_STRINGS);
  const selected = useSimStore((s) => s.selectedNode);
  const selectNode = useSimStore((s) => s.selectNode);
  const nodes = useSimStore((s) => s.snapshot?.nodes);
  const time = useSimStore((s) => s.snapshot?.time ?? 0);
  const selectId = useId();
  const node = nodes?.find((n) => n.id === selected) ?? null;

  return (
    <section className={styles.panel} aria-labelledby={`${selectId}-title`}>
      <div className={styles.heading}>
        <h2 id={`${selectId}-title`} className={styles.title}>
          {node ? t.titleFor(node.id) : t.title}
        </h2>
        {nodes ? (
          <label className={styles.choose} htmlFor={selectId}>
            {t.choose}
            <select id={selectId} value={selected ?? ''} onChange={(e) => selectNode(e.target.value || null)}>
              <option value="">{t.none}</option>
              {nodes.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {!nodes ? (
        <p>{t.waiting}</p>
      ) : node ? (
        <Fields node={node} time={time} />
      ) : (
        <p className={styles.howTo}>{t.howTo}</p>
      )}
    </section>
  );
}

function Fields({ node, time }: { node: NodeFrame; time: number }) {
  const t = useStrings(INSPECTOR_STRINGS);
  // While stepping, the fields the last step changed are highlighted.
  const changed = useSimStore((s) => s.changes?.fields[node.id]);
  const was = (field: ChangedField): boolean => changed?.includes(field) ?? false;
  const last = node.log[node.log.length - 1];
  const lastIndex = (node.snapshot?.index ?? 0) + node.log.length; // Absolute, after a snapshot (§7).
  const followers = Object.keys(node.nextIndex).sort();
  return (
    <>
      {!node.alive ? <p className={styles.down}>{t.down(node.id)}</p> : null}
      <Group title={t.persistent} kind="persistent">
        <Field changed={was('currentTerm')} name="currentTerm" hint={t.currentTerm}>
          <span className={styles.termChip} style={{ borderColor: termColor(node.currentTerm) }}>
            {node.currentTerm}
          </span>
        </Field>
        <Field changed={was('votedFor')} name="votedFor" hint={t.votedFor}>
          {node.votedFor ?? t.nobody}
        </Field>
        <Field changed={was('log')} name="log[]" hint={t.log}>
          {t.logSummary(node.log.length)}
          {last ? (
            <span className={styles.sub}>
              {t.lastEntry(lastIndex, last.term, last.command === '' ? t.noop : last.command)}
            </span>
          ) : null}
        </Field>
      </Group>
      <SnapshotFields node={node} />
      <Group title={t.volatile} kind="volatile" dim={!node.alive}>
        <Field changed={was('commitIndex')} name="commitIndex" hint={t.commitIndex}>
          {node.commitIndex}
        </Field>
        <Field changed={was('lastApplied')} name="lastApplied" hint={t.lastApplied}>
          {node.lastApplied}
        </Field>
        <Field changed={was('role')} name="role" hint={t.role}>
          <span style={{ color: node.alive ? ROLE_COLOR[node.role] : ROLE_COLOR.dead, fontWeight: 700 }}>
            {t.roleName(node.role)}
          </span>
        </Field>
        <Field changed={was('leaderId')} name="leaderId" hint={t.leaderId}>
          {node.leaderId ?? t.nobody}
        </Field>
      </Group>
      <Group title={t.leaderState} kind="volatile" dim={!node.alive}>
        {node.role === 'leader' && node.alive ? (
          <table className={styles.table}>
            <caption className={styles.caption}>{t.leaderTableCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.follower}</th>
                <th scope="col">{t.nextIndex}</th>
                <th scope="col">{t.matchIndex}</th>
              </tr>
            </thead>
            <tbody>
              {followers.map((f) => (
                <tr key={f}>
                  <th scope="row">{f}</th>
                  <td>{node.nextIndex[f]}</td>
                  <td>{node.matchIndex[f] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className={styles.note}>{t.notLeader}</p>
        )}
      </Group>
      {node.role === 'candidate' || node.role === 'preCandidate' ? (
        <Group title={t.candidateState} kind="volatile">
          <Field
            changed={was('votes')}
            name="votesGranted"
            hint={t.votesOf(node.votesGranted.length, node.quorum[0]?.needed ?? 0)}
          >
            {node.votesGranted.join(', ') || t.nobody}
          </Field>
          <Field name="votesRefused" hint="">
            {node.votesRefused.join(', ') || t.nobody}
          </Field>
        </Group>
      ) : null}
      <Group title={t.timers} kind="volatile" dim={!node.alive}>
        <Field name={t.electionTimer} hint="">
          <Timer timer={node.electionTimer} time={time} />
        </Field>
        <Field name={t.heartbeatTimer} hint="">
          <Timer timer={node.heartbeatTimer} time={time} />
        </Field>
      </Group>
    </>
  );
}

function Timer({ timer, time }: { timer: TimerSnapshot | null; time: number }) {
  const t = useStrings(INSPECTOR_STRINGS);
  if (!timer) return <>{t.stopped}</>;
  const span = Math.max(1, timer.deadline - timer.armedAt);
  const left = Math.max(0, timer.deadline - time);
  return (
    <span className={styles.timer}>
      {t.timerAt(timer.deadline, left)}
      <span className={styles.bar} aria-hidden="true">
        <span style={{ width: `${Math.min(100, (left / span) * 100)}%` }} />
      </span>
    </span>
  );
}

function Group({
  title,
  kind,
  dim = false,
  children,
}: {
  title: string;
  kind: 'persistent' | 'volatile';
  dim?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={`${styles.group} ${styles[kind]} ${dim ? styles.dim : ''}`} aria-labelledby={id}>
      <h3 id={id} className={styles.groupTitle}>
        {title}
      </h3>
      <dl className={styles.fields}>{children}</dl>
    </section>
  );
}

function Field({
  name,
  hint,
  changed = false,
  children,
}: {
  name: string;
  hint: string;
  changed?: boolean;
  children: ReactNode;
}) {
  const t = useStrings(INSPECTOR_STRINGS);
  return (
    <div className={changed ? `${styles.field} ${styles.changed}` : styles.field} data-changed={changed || undefined}>
      <dt>
        <code>{name}</code>
        {changed ? <span className={styles.changedTag}>{t.changedTag}</span> : null}
        {hint ? <span className={styles.hint}>{hint}</span> : null}
      </dt>
      <dd>{children}</dd>
    </div>
  );
}
