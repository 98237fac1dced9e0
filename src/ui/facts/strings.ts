import { wholeMs } from '../format';
import type { InvariantName } from '../../sim/types';
import { defineStrings } from '../i18n';
import { invariantName } from '../interpret/terms';

const set = (ids: readonly string[]): string => `{${ids.join(',')}}`;

export const FACTS_STRINGS = defineStrings(
  {
    title: 'Cluster facts',
    waiting: 'Waiting for the simulation…',
    size: 'Cluster size N',
    sizeHow: 'voting members',
    apart: (ids: readonly string[]) => `+ ${ids.join(', ')} without a vote`,
    /** §6: one majority per voter set; C_old,new needs both (a separate majority of each). */
    needs: (sets: readonly (readonly string[])[]) =>
      sets.length === 1
        ? `needs a majority of ${set(sets[0]!)}`
        : `needs a majority of ${sets.map(set).join(' and of ')}`,
    joint: 'joint configuration C_old,new (§6)',
    majority: 'Majority needed',
    majorityHow: '⌊N/2⌋ + 1',
    tolerated: 'Failures tolerated',
    toleratedHow: '⌊(N−1)/2⌋',
    live: 'Live nodes',
    liveOf: (live: number, n: number) => `${live} of ${n}`,
    noQuorum: 'fewer than a majority: no election can be won and nothing can commit',
    leader: 'Leader',
    noLeader: 'none right now',
    leaderOf: (id: string, term: number) => `${id} (term ${term})`,
    staleLeader: 'an old leader that has not yet heard of the newer term',
    term: 'Highest term',
    time: 'Virtual time',
    ms: (t: number) => `${wholeMs(t)} ms`,
    violations: (n: number) => `${n} invariant ${n === 1 ? 'violation' : 'violations'}`,
    invariant: (inv: InvariantName) => invariantName(inv, 'en'),
    seeFeed: 'see the event feed',
  },
  {
    title: '클러스터 정보',
    waiting: '시뮬레이션을 기다리는 중…',
    size: '클러스터 크기 N',
    sizeHow: '투표하는 멤버',
    apart: (ids: readonly string[]) => `+ 투표권 없는 ${ids.join(', ')}`,
    needs: (sets: readonly (readonly string[])[]) =>
      sets.length === 1
        ? `${set(sets[0]!)}의 과반수가 필요`
        : `${sets.map((g) => `${set(g)}의 과반수`).join('와 ')}가 모두 필요`,
    joint: '공동 합의 구성 C_old,new (§6)',
    majority: '필요한 과반수',
    majorityHow: '⌊N/2⌋ + 1',
    tolerated: '허용 가능한 장애 수',
    toleratedHow: '⌊(N−1)/2⌋',
    live: '살아 있는 노드',
    liveOf: (live: number, n: number) => `${n}대 중 ${live}대`,
    noQuorum: '과반수 미만: 선거에서 이길 수 없고 아무것도 커밋할 수 없습니다',
    leader: '리더',
    noLeader: '현재 없음',
    leaderOf: (id: string, term: number) => `${id} (임기 ${term})`,
    staleLeader: '더 새로운 임기를 아직 모르는 이전 리더',
    term: '가장 높은 임기',
    time: '가상 시간',
    ms: (t: number) => `${wholeMs(t)} ms`,
    violations: (n: number) => `불변식 위반 ${n}건`,
    invariant: (inv: InvariantName) => invariantName(inv, 'ko'),
    seeFeed: '이벤트 피드에서 보기',
  },
);
