// Log compaction (§7): how many applied entries make a node snapshot by itself (0: never),
// how many characters each InstallSnapshot chunk carries (Figure 13), and a button per node
// to snapshot now. A value out of bounds is refused with a message naming the field.

import { useId, useState } from 'react';
import { MAX_SNAPSHOT_CHUNK, MAX_SNAPSHOT_THRESHOLD } from '../../scenario/bounds';
import { useSimStore } from '../../store/sim-store';
import { defineStrings, useStrings } from '../i18n';
import { setOptions } from './live-settings';
import { Section } from './Section';
import { NumberInput } from './NumberInput';
import styles from './Settings.module.css';

const STRINGS = defineStrings(
  {
    title: 'Snapshots (§7)',
    threshold: 'Snapshot after applying (entries, 0 = off)',
    chunk: 'InstallSnapshot chunk (characters)',
    apply: 'Apply',
    bad: (field: string, min: number, max: number) => `${field}: a whole number from ${min} to ${max}`,
    now: 'Snapshot now:',
    nowNode: (id: string) => `Node ${id} takes a snapshot of what it has applied`,
    help: 'Each node snapshots its applied key-value state and discards that log prefix. A follower too far behind gets InstallSnapshot, in chunks.',
  },
  {
    title: '스냅샷 (§7)',
    threshold: '적용 후 스냅샷 (엔트리 수, 0 = 끔)',
    chunk: 'InstallSnapshot 조각 크기 (문자 수)',
    apply: '적용',
    bad: (field: string, min: number, max: number) => `${field}: ${min}부터 ${max}까지의 정수`,
    now: '지금 스냅샷:',
    nowNode: (id: string) => `노드 ${id}가 적용한 상태를 스냅샷합니다`,
    help: '각 노드는 적용한 키-값 상태를 스냅샷하고 그만큼의 로그 앞부분을 버립니다. 너무 뒤처진 팔로워는 InstallSnapshot을 조각으로 받습니다.',
  },
);

export function SnapshotSection() {
  const t = useStrings(STRINGS);
  const threshold = useSimStore((s) => s.snapshot?.options.snapshotThreshold ?? s.scenario.options.snapshotThreshold);
  const chunk = useSimStore((s) => s.snapshot?.options.snapshotChunk ?? s.scenario.options.snapshotChunk);
  const nodes = useSimStore((s) => s.snapshot?.nodes);
  const act = useSimStore((s) => s.act);
  return (
    <Section name="snapshots" title={t.title}>
      <p className={styles.note}>{t.help}</p>
      {/* Re-keyed on the engine's values, so a reset or a lesson shows its own. */}
      <SnapshotForm key={`${threshold}-${chunk}`} threshold={threshold} chunk={chunk} />
      {nodes ? (
        <p>
          {t.now}{' '}
          {nodes.map((n) => (
            <button
              key={n.id}
              type="button"
              disabled={!n.alive}
              title={t.nowNode(n.id)}
              aria-label={t.nowNode(n.id)}
              onClick={() => act({ do: 'snapshot', node: n.id })}
            >
              {n.id}
            </button>
          ))}
        </p>
      ) : null}
    </Section>
  );
}

function SnapshotForm({ threshold, chunk }: { readonly threshold: number; readonly chunk: number }) {
  const t = useStrings(STRINGS);
  const id = useId();
  const [thresholdText, setThresholdText] = useState(String(threshold));
  const [chunkText, setChunkText] = useState(String(chunk));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const th = Number(thresholdText);
    const ch = Number(chunkText);
    if (!Number.isInteger(th) || th < 0 || th > MAX_SNAPSHOT_THRESHOLD)
      return setProblem(t.bad('snapshotThreshold', 0, MAX_SNAPSHOT_THRESHOLD));
    if (!Number.isInteger(ch) || ch < 1 || ch > MAX_SNAPSHOT_CHUNK)
      return setProblem(t.bad('snapshotChunk', 1, MAX_SNAPSHOT_CHUNK));
    setProblem(null);
    setOptions({ snapshotThreshold: th, snapshotChunk: ch }, {});
  };
  return (
    <form onSubmit={submit}>
      <div className={styles.faultGrid}>
        <label htmlFor={`${id}-threshold`}>{t.threshold}</label>
        <NumberInput
          id={`${id}-threshold`}
          max={MAX_SNAPSHOT_THRESHOLD}
          value={thresholdText}
          invalid={problem?.startsWith('snapshotThreshold') ?? false}
          onChange={setThresholdText}
        />
        <label htmlFor={`${id}-chunk`}>{t.chunk}</label>
        <NumberInput
          id={`${id}-chunk`}
          min={1}
          max={MAX_SNAPSHOT_CHUNK}
          value={chunkText}
          invalid={problem?.startsWith('snapshotChunk') ?? false}
          onChange={setChunkText}
        />
      </div>
      <button type="submit">{t.apply}</button>
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
