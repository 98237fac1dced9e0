// The inspector's snapshot fields (§7, Figure 13): the snapshot a node holds (its last
// included index and term, the state it keeps), a snapshot arriving in chunks, and, on a
// leader, the followers being sent one. Drawn with the inspector's own field style.

import type { ReactNode } from 'react';
import type { NodeFrame } from '../../sim/types';
import { defineStrings, useStrings } from '../i18n';
import styles from './NodeInspector.module.css';

const STRINGS = defineStrings(
  {
    title: 'Snapshot (§7)',
    none: 'none: the log starts at index 1',
    lastIncluded: 'the last entry the snapshot replaced',
    state: 'the key-value state it holds',
    keys: (n: number) => (n === 1 ? '1 key' : `${n} keys`),
    incoming: 'InstallSnapshot arriving (Figure 13)',
    incomingValue: (leader: string, index: number, received: number, chunks: number) =>
      `from ${leader}, through index ${index}: ${received} characters written (${chunks} chunks in all)`,
    sending: 'leader: snapshots being sent',
    sendingValue: (follower: string, index: number, offset: number) =>
      `${follower}: snapshot through ${index}, next chunk at offset ${offset}`,
  },
  {
    title: '스냅샷 (§7)',
    none: '없음: 로그가 인덱스 1부터 시작합니다',
    lastIncluded: '스냅샷이 대신한 마지막 엔트리',
    state: '스냅샷에 담긴 키-값 상태',
    keys: (n: number) => `키 ${n}개`,
    incoming: '도착 중인 InstallSnapshot (Figure 13)',
    incomingValue: (leader: string, index: number, received: number, chunks: number) =>
      `${leader}로부터, 인덱스 ${index}까지: ${received}자 기록됨 (전체 ${chunks}조각)`,
    sending: '리더: 보내는 중인 스냅샷',
    sendingValue: (follower: string, index: number, offset: number) =>
      `${follower}: ${index}까지의 스냅샷, 다음 조각 오프셋 ${offset}`,
  },
);

function Row({ name, hint, children }: { name: string; hint: string; children: ReactNode }) {
  return (
    <div className={styles.field}>
      <dt>
        <code>{name}</code>
        <span className={styles.hint}>{hint}</span>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

export function SnapshotFields({ node }: { node: NodeFrame }) {
  const t = useStrings(STRINGS);
  const snapshot = node.snapshot;
  const transfers = Object.entries(node.snapshotTransfers).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <section className={`${styles.group} ${styles.persistent}`} aria-label={t.title}>
      <h3 className={styles.groupTitle}>{t.title}</h3>
      <dl className={styles.fields}>
        {snapshot ? (
          <>
            <Row name="lastIncludedIndex / lastIncludedTerm" hint={t.lastIncluded}>
              {snapshot.index} / {snapshot.term}
            </Row>
            <Row name="state" hint={t.state}>
              {t.keys(Object.keys(snapshot.state).length)}:{' '}
              {Object.entries(snapshot.state)
                .map(([k, v]) => `${k}=${v}`)
                .join(', ')}
            </Row>
          </>
        ) : (
          <Row name="snapshot" hint="">
            {t.none}
          </Row>
        )}
        {node.incomingSnapshot ? (
          <Row name="InstallSnapshot" hint={t.incoming}>
            {t.incomingValue(
              node.incomingSnapshot.leader,
              node.incomingSnapshot.index,
              node.incomingSnapshot.received,
              node.incomingSnapshot.chunks,
            )}
          </Row>
        ) : null}
        {transfers.length > 0 ? (
          <Row name="InstallSnapshot →" hint={t.sending}>
            {transfers.map(([f, tr]) => (
              <div key={f}>{t.sendingValue(f, tr.lastIncludedIndex, tr.offset)}</div>
            ))}
          </Row>
        ) : null}
      </dl>
    </section>
  );
}
