// What the class did (a scenario action or a live one): one entry per kind of action. An action
// is not a rule of Raft, so these readings name no rule; what the cluster does about it follows.

import type { NodeId } from '../../raft/types';
import type { Action } from '../../sim/scenario-types';
import type { TraceEvent } from '../../sim/types';
import { eul, list } from './glossary';
import { snapshotActionReading } from './snapshot';
import { transferActionReading } from './transfer';
import { both, type Localized, type Readings, type StepView } from './reading';

type ActionOf<K extends Action['do']> = Extract<Action, { do: K }>;
type ActionTable = { readonly [K in Action['do']]: (a: ActionOf<K>, step: StepView) => Localized | null };

const pct = (x: number): number => Math.round(x * 1000) / 10;

const onOff = (v: boolean) => both(v ? 'on' : 'off', v ? '켬' : '끔');

/** A short label for an action, for refusals: "kill C", "partition". */
export function actionLabel(action: Action): string {
  const parts: string[] = [action.do];
  if ('node' in action && typeof action.node === 'string') parts.push(action.node);
  if ('from' in action && 'to' in action) parts.push(`${String(action.from)}–${String(action.to)}`);
  if ('message' in action) parts.push(`#${String(action.message)}`);
  if ('command' in action) parts.push(`"${String(action.command)}"`);
  return parts.join(' ');
}

/** The restart record of `node` in this step: the persistent state it came back with. */
function restartedIn(step: StepView, node: NodeId): Extract<TraceEvent, { kind: 'restarted' }> | null {
  for (const r of step.records) if (r.kind === 'restarted' && r.node === node) return r;
  return null;
}

const ACTIONS: ActionTable = {
  kill: (a) =>
    both(
      `${a.node} was stopped (crash): its currentTerm, votedFor and log stay on disk`,
      `${a.node}가 중단됨(장애). currentTerm, votedFor, 로그는 디스크에 남음`,
    ),
  // The restart record of the step tells it, with the term and vote read from disk.
  restart: (a, step) => (restartedIn(step, a.node) ? null : both(`${a.node} restarted`, `${a.node}가 다시 시작함`)),
  isolate: (a) => both(`${a.node} was cut off from the network`, `${a.node}가 네트워크에서 고립됨`),
  restore: (a) => both(`${a.node} was reconnected to the network`, `${a.node}가 네트워크에 다시 연결됨`),
  timeout: (a) => both(`${a.node}'s election timer was made to fire now`, `${a.node}의 선거 타이머를 지금 만료시킴`),
  snapshot: (a) => snapshotActionReading(a.node),
  change: (a) => {
    const what = [...(a.add ?? []).map((id) => `+${id}`), ...(a.remove ?? []).map((id) => `−${id}`)].join(' ');
    return both(
      `An administrator asked the cluster to change its members (${what}); the client takes it to the leader`,
      `관리자가 클러스터 멤버 변경(${what})을 요청함; 클라이언트가 리더에게 전달함`,
    );
  },
  transfer: (a) => transferActionReading(a),
  clock: (a) => transferActionReading(a),
  setTimeout: (a) =>
    both(
      `${a.node}'s election timer was re-armed to fire in ${a.ms} ms`,
      `${a.node}의 선거 타이머를 ${a.ms} ms 뒤에 만료되도록 다시 설정함`,
    ),
  heartbeat: (a) =>
    both(
      `${a.node}'s heartbeat timer was made to fire now: it sends AppendEntries to every follower`,
      `${a.node}의 하트비트 타이머를 지금 만료시킴: 모든 팔로워에게 AppendEntries를 보냄`,
    ),
  partition: (a) => {
    const groups = a.groups.map((g) => `{${list(g)}}`).join(' | ');
    return both(`The network was partitioned: ${groups}`, `네트워크가 분할됨: ${groups}`);
  },
  heal: () => both('The network partition was healed', '네트워크 분할이 복구됨'),
  cut: (a) => {
    const link = `${a.from}${a.oneWay ? '→' : '–'}${a.to}`;
    return both(`The link ${link} was cut`, `${link} 링크가 끊어짐`);
  },
  mend: (a) => {
    const link = `${a.from}${a.oneWay ? '→' : '–'}${a.to}`;
    return both(`The link ${link} was restored`, `${link} 링크가 복구됨`);
  },
  network: (a) => {
    const parts: Localized[] = [];
    if (a.dropRate !== undefined) parts.push(both(`loss ${pct(a.dropRate)}%`, `손실률 ${pct(a.dropRate)}%`));
    if (a.duplicateRate !== undefined)
      parts.push(both(`duplicates ${pct(a.duplicateRate)}%`, `중복률 ${pct(a.duplicateRate)}%`));
    if (a.reorder !== undefined)
      parts.push(both(`reordering ${onOff(a.reorder).en}`, `순서 뒤바뀜 ${onOff(a.reorder).ko}`));
    if (a.latency !== undefined)
      parts.push(both(`latency ${a.latency[0]}–${a.latency[1]} ms`, `지연 ${a.latency[0]}–${a.latency[1]} ms`));
    return both(
      `Network settings: ${parts.map((p) => p.en).join(', ')}`,
      `네트워크 설정: ${parts.map((p) => p.ko).join(', ')}`,
    );
  },
  setOptions: (a) => {
    const parts: Localized[] = [];
    for (const [k, v] of Object.entries(a.options ?? {}))
      if (v !== undefined) parts.push(both(`${k} ${onOff(v).en}`, `${k} ${onOff(v).ko}`));
    for (const [k, v] of Object.entries(a.unsafe ?? {}))
      if (v !== undefined)
        parts.push(both(`${k} ${onOff(v).en}${v ? ' (unsafe)' : ''}`, `${k} ${onOff(v).ko}${v ? '(위험)' : ''}`));
    return both(
      `Settings changed: ${parts.map((p) => p.en).join(', ')}`,
      `설정 변경: ${parts.map((p) => p.ko).join(', ')}`,
    );
  },
  // The client's own record ("Client sent request #3 …") says it.
  submit: () => null,
  drop: (a) => both(`Message #${a.message} was dropped by hand`, `메시지 #${a.message}${eul(a.message)} 직접 버림`),
  deliver: (a) =>
    both(`Message #${a.message} was delivered by hand`, `메시지 #${a.message}${eul(a.message)} 직접 전달함`),
  duplicate: (a) =>
    both(`Message #${a.message} was duplicated by hand`, `메시지 #${a.message}${eul(a.message)} 직접 복제함`),
};

/** An action record: what the class did, or why it could not be done. */
export function readAction(
  r: Extract<TraceEvent, { kind: 'action' }>,
  refusal: Localized | null,
  step: StepView,
): Readings {
  if (refusal !== null || r.error !== undefined) {
    const label = actionLabel(r.action);
    const why = refusal ?? both(r.error!, r.error!);
    return {
      node: null,
      tone: 'error',
      text: both(`Action refused (${label}): ${why.en}`, `동작이 거부됨(${label}): ${why.ko}`),
      rules: [],
    };
  }
  const entry = ACTIONS[r.action.do] as (a: Action, step: StepView) => Localized | null;
  const text = entry(r.action, step);
  return text === null ? null : { node: null, tone: 'action', text, rules: [] };
}
