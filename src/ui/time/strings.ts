// Every string of the time controls, the timeline and the branch list, in English and Korean.

import type { MilestoneKind } from '../../sim/event-kinds';
import type { NetworkAction } from '../../sim/timeline';
import type { InvariantName, Violation } from '../../sim/types';
import { wholeMs } from '../format';
import { defineStrings } from '../i18n';
import { invariantName } from '../interpret/terms';
import { violationDetail } from '../violation-detail';

/** What a "Next …" button looks for, as its label and its messages name it. */
const EN_MILESTONE: Record<MilestoneKind, string> = {
  election: 'election',
  leader: 'leader',
  commit: 'commit',
  applied: 'applied on all',
  repair: 'log repair',
  violation: 'violation',
};
const KO_MILESTONE: Record<MilestoneKind, string> = {
  election: '선거',
  leader: '리더 선출',
  commit: '커밋',
  applied: '전체 적용',
  repair: '로그 복구',
  violation: '위반',
};
/** The same in full, for the hint and for "none found". */
const EN_MILESTONE_LONG: Record<MilestoneKind, string> = {
  ...EN_MILESTONE,
  commit: 'commit by the leader',
  applied: 'entry applied on every live node',
};
const KO_MILESTONE_LONG: Record<MilestoneKind, string> = {
  ...KO_MILESTONE,
  commit: '리더의 커밋',
  applied: '살아 있는 모든 노드에 적용된 새 엔트리',
};

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
const secondsKo = (ms: number): string => `${(ms / 1000).toFixed(3)}초`;
const millions = (n: number): string => (n / 1e6).toFixed(1);

function networkEn(a: NetworkAction): string {
  switch (a.do) {
    case 'partition':
      return `partition ${a.groups.map((g) => g.join('')).join(' | ')}`;
    case 'heal':
      return 'network healed';
    case 'isolate':
      return `${a.node} isolated`;
    case 'restore':
      return `${a.node} reconnected`;
    case 'cut':
      return `link ${a.from}${a.oneWay ? '→' : '–'}${a.to} cut`;
    case 'mend':
      return `link ${a.from}–${a.to} mended`;
  }
}

function networkKo(a: NetworkAction): string {
  switch (a.do) {
    case 'partition':
      return `분할 ${a.groups.map((g) => g.join('')).join(' | ')}`;
    case 'heal':
      return '네트워크 복구';
    case 'isolate':
      return `${a.node} 고립`;
    case 'restore':
      return `${a.node} 다시 연결`;
    case 'cut':
      return `링크 ${a.from}${a.oneWay ? '→' : '–'}${a.to} 끊김`;
    case 'mend':
      return `링크 ${a.from}–${a.to} 복구`;
  }
}

export const TIME_STRINGS = defineStrings(
  {
    toolbar: 'Time controls',
    stepBack: 'Step back',
    stepBackHint: 'Undo one event: back to the instant before it',
    stepForward: 'Step forward',
    stepForwardHint: 'Process exactly one event',
    nextLabel: 'Go to the next',
    next: (k: MilestoneKind) => `Next ${EN_MILESTONE[k]}`,
    nextWord: 'Next',
    milestone: (k: MilestoneKind) => EN_MILESTONE[k],
    nextHint: (k: MilestoneKind) =>
      k === 'applied'
        ? 'Run forward until every live node has applied a new entry to its state machine (followers learn of a commit from the next AppendEntries, 30–40 ms after the leader), then pause'
        : `Run forward until the next ${EN_MILESTONE_LONG[k]}, then pause`,
    manual: 'Manual delivery',
    manualOn: 'Manual delivery on: time stands still',
    manualWhere: 'Choose what happens next in the Manual delivery panel.',
    manualExplain:
      'Time stands still: choose a message to deliver, drop or duplicate, or fire a node’s election timer. Press Play to let time run again.',
    notFound: (k: MilestoneKind, reason: 'limit' | 'no-more-events') =>
      reason === 'limit'
        ? `No ${EN_MILESTONE_LONG[k]} in the next minute of virtual time; the run stays where it was.`
        : `No ${EN_MILESTONE_LONG[k]} ahead: nothing more will happen in this run.`,
    pausedOnViolation: (v: Violation) =>
      `Paused: ${invariantName(v.invariant, 'en')} was violated. ${violationDetail(v, 'en')}`,
    overBudget: (at: number, limit: number) =>
      `Stopped at ${seconds(at)}: this scenario asks for more than ${wholeMs(limit)} events in one virtual millisecond, more than the simulation allows (are its timings far too small?). The cluster shows where it stopped.`,
    seekTooFar: (target: number, estimate: number, limit: number, restarted: boolean) =>
      `${seconds(target)} is too far to compute here: about ${millions(estimate)} million events, and the limit is ${millions(limit)} million. ${restarted ? 'The run opens at the start instead.' : 'The run stays where it was.'}`,
    spreadStuck:
      'Some choices of this path could not be set apart in time: an event was due at the same instant (a zero latency). The History tab may count the read and the write as concurrent and accept the read.',
    dismiss: 'Dismiss',
    // Timeline
    timeline: 'Timeline',
    timelineHint: 'Click or drag to go to an instant; arrow keys step one event, Page Up/Down move 100 ms.',
    timeValue: seconds,
    sliderText: (ms: number, end: number) => `${seconds(ms)} of ${seconds(end)}`,
    termShort: (term: number, leader: string | null) => (leader === null ? `T${term}` : `T${term} ${leader}`),
    leaderBand: (node: string, term: number, from: number, to: number | null, end: 'steppedDown' | 'crashed' | null) =>
      `${node} leads term ${term} from ${seconds(from)}` +
      (to === null
        ? ''
        : end === 'crashed'
          ? ` until it crashed at ${seconds(to)}`
          : ` until it stepped down at ${seconds(to)}`),
    laneShort: (node: string, term: number) => `${node} T${term}`,
    laneTitle: (node: string, term: number) =>
      `${node} is in term ${term} on its own: above the term of every leader so far (each election timeout without a heartbeat adds one)`,
    leaderMark: (node: string, term: number, at: number) => `${node} became leader of term ${term} at ${seconds(at)}`,
    crashed: (node: string, at: number) => `${node} crashed at ${seconds(at)}`,
    restarted: (node: string, at: number) => `${node} restarted at ${seconds(at)}`,
    network: (a: NetworkAction, at: number) => `${networkEn(a)} at ${seconds(at)}`,
    commit: (index: number, at: number) => `Entries up to #${index} committed at ${seconds(at)}`,
    violation: (invariant: InvariantName, at: number) =>
      `Violation: ${invariantName(invariant, 'en')} at ${seconds(at)}`,
    violationsCount: (n: number) => (n === 1 ? '1 violation' : `${n} violations`),
    violationTimes: (n: number) => `(×${n})`,
    violationsMore: (n: number) => `and ${n} more`,
    key: 'Key',
    keyLeader: 'leader elected',
    keyLane: 'a node’s term climbing alone',
    keyCrash: 'crash / restart',
    keyNetwork: 'network change',
    keyCommit: 'commit',
    keyViolation: 'violation',
    // Branches
    branches: 'Branches',
    branchExplain: 'acting at an earlier instant (kill, partition, submit…) starts a new branch; the old one is kept.',
    branchName: (id: number) => (id === 0 ? 'Original run' : `Branch ${id}`),
    branchFork: (parent: number | null, at: number | null) =>
      parent === null || at === null
        ? 'from the start'
        : `from ${parent === 0 ? 'the original run' : `branch ${parent}`} at ${seconds(at)}`,
    branchEnd: (at: number) => `runs to ${seconds(at)}`,
    liveActions: (n: number) => (n === 1 ? '1 action' : `${n} actions`),
    current: 'current',
    switchTo: (id: number) => (id === 0 ? 'Switch to the original run' : `Switch to branch ${id}`),
  },
  {
    toolbar: '시간 조작',
    stepBack: '한 단계 뒤로',
    stepBackHint: '이벤트 하나를 되돌려 그 직전 순간으로',
    stepForward: '한 단계 앞으로',
    stepForwardHint: '이벤트 하나만 처리',
    nextLabel: '다음으로 이동',
    next: (k: MilestoneKind) => `다음 ${KO_MILESTONE[k]}`,
    nextWord: '다음',
    milestone: (k: MilestoneKind) => KO_MILESTONE[k],
    nextHint: (k: MilestoneKind) =>
      k === 'applied'
        ? '살아 있는 모든 노드가 새 엔트리를 상태 머신에 적용할 때까지 실행하고 멈춤 (팔로워는 리더의 커밋을 다음 AppendEntries로 알게 되어 30–40 ms 늦게 적용합니다)'
        : `다음 ${KO_MILESTONE_LONG[k]}까지 실행하고 멈춤`,
    manual: '수동 전달',
    manualOn: '수동 전달 켜짐: 시간이 멈춰 있습니다',
    manualWhere: '다음에 일어날 일을 수동 전달 패널에서 고르세요.',
    manualExplain:
      '시간이 멈춰 있습니다. 전달하거나 버리거나 복제할 메시지를 고르거나, 노드의 선거 타이머를 발동하세요. 재생을 누르면 시간이 다시 흐릅니다.',
    notFound: (k: MilestoneKind, reason: 'limit' | 'no-more-events') =>
      reason === 'limit'
        ? `다음 1분(가상 시간) 안에 ${KO_MILESTONE_LONG[k]}이(가) 없어 지금 시점에 그대로 머뭅니다.`
        : `앞으로 ${KO_MILESTONE_LONG[k]}이(가) 없습니다. 이 실행에서는 더 일어날 일이 없습니다.`,
    pausedOnViolation: (v: Violation) =>
      `일시정지: ${invariantName(v.invariant, 'ko')} 위반. ${violationDetail(v, 'ko')}`,
    overBudget: (at: number, limit: number) =>
      `${secondsKo(at)}에서 멈췄습니다: 이 시나리오는 가상 시간 1밀리초 동안 이벤트를 ${wholeMs(limit)}개보다 많이 요구해 시뮬레이션 한도를 넘습니다(시간 설정이 너무 작지 않은지 확인하세요). 클러스터는 멈춘 시점의 모습입니다.`,
    seekTooFar: (target: number, estimate: number, limit: number, restarted: boolean) =>
      `${secondsKo(target)}은(는) 너무 멀어 여기서 계산할 수 없습니다: 이벤트가 약 ${millions(estimate)}백만 개 필요한데 한도는 ${millions(limit)}백만 개입니다. ${restarted ? '대신 처음부터 엽니다.' : '지금 시점에 그대로 머뭅니다.'}`,
    spreadStuck:
      '이 경로의 일부 선택을 시간상 떼어 놓을 수 없었습니다: 같은 순간에 일어날 이벤트가 있었습니다(지연 0). 기록 탭은 읽기와 쓰기를 동시에 일어난 것으로 보고 읽기를 받아들일 수 있습니다.',
    dismiss: '닫기',
    timeline: '타임라인',
    timelineHint:
      '클릭하거나 끌어서 그 순간으로 이동합니다. 화살표 키는 이벤트 하나씩, Page Up/Down은 100 ms씩 움직입니다.',
    timeValue: secondsKo,
    sliderText: (ms: number, end: number) => `${secondsKo(end)} 중 ${secondsKo(ms)}`,
    termShort: (term: number, leader: string | null) => (leader === null ? `임기 ${term}` : `임기 ${term} ${leader}`),
    leaderBand: (node: string, term: number, from: number, to: number | null, end: 'steppedDown' | 'crashed' | null) =>
      `${secondsKo(from)}부터 ${node}이(가) 임기 ${term}의 리더` +
      (to === null ? '' : end === 'crashed' ? `, ${secondsKo(to)}에 중지됨` : `, ${secondsKo(to)}에 물러남`),
    laneShort: (node: string, term: number) => `${node} 임기 ${term}`,
    laneTitle: (node: string, term: number) =>
      `${node} 혼자 임기 ${term}: 지금까지 어느 리더의 임기보다 높음 (하트비트 없이 선거 타임아웃이 날 때마다 하나씩 올라감)`,
    leaderMark: (node: string, term: number, at: number) => `${secondsKo(at)}: ${node}이(가) 임기 ${term}의 리더가 됨`,
    crashed: (node: string, at: number) => `${secondsKo(at)}: ${node} 중지`,
    restarted: (node: string, at: number) => `${secondsKo(at)}: ${node} 재시작`,
    network: (a: NetworkAction, at: number) => `${secondsKo(at)}: ${networkKo(a)}`,
    commit: (index: number, at: number) => `${secondsKo(at)}: #${index}까지 커밋`,
    violation: (invariant: InvariantName, at: number) => `${secondsKo(at)}: ${invariantName(invariant, 'ko')} 위반`,
    violationsCount: (n: number) => `위반 ${n}건`,
    violationTimes: (n: number) => `(${n}건)`,
    violationsMore: (n: number) => `외 ${n}건`,
    key: '범례',
    keyLeader: '리더 선출',
    keyLane: '혼자 올라가는 노드의 임기',
    keyCrash: '중지 / 재시작',
    keyNetwork: '네트워크 변경',
    keyCommit: '커밋',
    keyViolation: '위반',
    branches: '분기',
    branchExplain: '과거의 순간에서 행동하면(중지, 분할, 명령 등) 새 분기가 생깁니다. 이전 분기는 그대로 남습니다.',
    branchName: (id: number) => (id === 0 ? '원래 실행' : `분기 ${id}`),
    branchFork: (parent: number | null, at: number | null) =>
      parent === null || at === null
        ? '처음부터'
        : `${parent === 0 ? '원래 실행' : `분기 ${parent}`}의 ${secondsKo(at)}에서 갈라짐`,
    branchEnd: (at: number) => `${secondsKo(at)}까지`,
    liveActions: (n: number) => `행동 ${n}개`,
    current: '현재',
    switchTo: (id: number) => (id === 0 ? '원래 실행으로 전환' : `분기 ${id}(으)로 전환`),
  },
);
