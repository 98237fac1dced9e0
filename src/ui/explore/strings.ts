// Every string of the exploration dialog, in English and Korean. Its title and the too-big reason are the
// toolbar button's (button-strings.ts), which the first chunk carries anyway.

import type { InvariantName } from '../../sim/types';
import { grouped } from '../format';
import { defineStrings } from '../i18n';
import { invariantName } from '../interpret/terms';
import type { BoundField } from './bounds-form';

const count = grouped;

const EN_FIELD: Record<BoundField, string> = {
  maxTerm: 'Max term',
  maxLog: 'Max log length',
  crashes: 'Crashes',
  restarts: 'Restarts',
  writes: 'Client writes',
  duplicates: 'Message duplicates',
  heartbeats: 'Heartbeats fired by hand',
  changes: 'Membership changes',
  reads: 'Client reads',
  ticks: 'Fast-clock ticks (lease reads)',
  depth: 'Depth (choices)',
};

const KO_FIELD: Record<BoundField, string> = {
  maxTerm: '최대 임기',
  maxLog: '최대 로그 길이',
  crashes: '크래시 수',
  restarts: '재시작 수',
  writes: '클라이언트 쓰기 수',
  duplicates: '메시지 복제 수',
  heartbeats: '수동 하트비트 수',
  changes: '멤버십 변경 수',
  reads: '클라이언트 읽기 수',
  ticks: '빠른 시계 틱 수 (리스 읽기)',
  depth: '깊이 (선택 수)',
};

export const EXPLORE_STRINGS = defineStrings(
  {
    intro:
      'The model checker tries every order of deliveries, drops, duplicates, election timeouts, crashes, restarts, client writes, membership changes, client reads and, with ticks, fast clocks (a follower’s election timer running out while its leader’s read lease holds) from this instant, within the bounds below, and checks the safety properties in every state (and, with reads, that no read misses an acknowledged write). It finds the shortest path to a violation, if there is one.',
    boundsLegend: 'Bounds',
    drops: 'Try dropping each message',
    dropsHelp: 'Off: a message never delivered stands for a lost one. The verdict is the same, from far fewer states.',
    field: (field: BoundField) => EN_FIELD[field],
    problem: (field: BoundField, min: number, max: number, text: string) =>
      `${EN_FIELD[field]}: enter a whole number from ${min} to ${max}${text === '' ? '' : ` (not "${text}")`}.`,
    start: 'Start',
    cancel: 'Cancel',
    close: 'Close',
    again: 'Explore again',
    preparing: 'Taking the run as it is now…',
    started: (at: number) => `Exploring from ${count(at)} ms…`,
    progress: (states: number, depth: number, perSecond: number) =>
      `${count(states)} states · depth ${depth} · ${count(perSecond)} states/s`,
    clear: (states: number) => `No violation in ${count(states)} states within these bounds.`,
    exhausted: 'The bounded space was exhausted: every state within these bounds was checked.',
    stoppedByDepth: (depth: number) =>
      `Not exhausted: the depth bound stopped it at ${depth} choices; longer paths were not explored.`,
    stoppedByStates: 'Not exhausted: the state budget stopped it first.',
    found: (invariant: InvariantName) => `Violation found: ${invariant}.`,
    foundPath: (choices: number, at: number, states: number) =>
      `The shortest path breaking it takes ${choices} ${choices === 1 ? 'choice' : 'choices'} from ${count(at)} ms (found after ${count(states)} states). It is open in the run (a new branch when the run went on past here); time stands still in manual delivery.`,
    walk: (choices: number) =>
      `Press Step ${choices} ${choices === 1 ? 'time' : 'times'} to walk through it: the event feed says what each choice does.`,
    cancelled: 'Exploration cancelled.',
    failed: (message: string) => `The exploration stopped with an error: ${message}`,
  },
  {
    intro:
      '모델 검사기가 이 순간부터 메시지 전달·유실·복제, 선거 타이머 만료, 크래시, 재시작, 클라이언트 쓰기, 멤버십 변경, 클라이언트 읽기, 그리고 틱이 있으면 빠른 시계(리더의 리스가 유효한 동안 팔로워의 선거 타이머가 먼저 만료됨)의 모든 순서를 아래 한도 안에서 시도하고, 모든 상태에서 안전성 속성을 검사합니다 (읽기가 있으면 응답받은 쓰기를 놓친 읽기가 없는지도 검사합니다). 위반이 있으면 그곳까지 가는 가장 짧은 경로를 찾습니다.',
    boundsLegend: '한도',
    drops: '메시지마다 유실도 시도',
    dropsHelp: '끄면 끝내 전달되지 않은 메시지가 유실된 메시지를 대신합니다. 판정은 같고, 상태 수는 훨씬 적습니다.',
    field: (field: BoundField) => KO_FIELD[field],
    problem: (field: BoundField, min: number, max: number, text: string) =>
      `${KO_FIELD[field]}: ${min}부터 ${max}까지의 정수를 입력하세요${text === '' ? '' : ` ("${text}"는 안 됩니다)`}.`,
    start: '시작',
    cancel: '취소',
    close: '닫기',
    again: '다시 탐색',
    preparing: '지금의 실행을 가져오는 중…',
    started: (at: number) => `${count(at)} ms부터 탐색 중…`,
    progress: (states: number, depth: number, perSecond: number) =>
      `상태 ${count(states)}개 · 깊이 ${depth} · 초당 ${count(perSecond)}개 상태`,
    clear: (states: number) => `이 한도 안의 상태 ${count(states)}개에서 위반이 없습니다.`,
    exhausted: '한도 안의 상태 공간을 모두 탐색했습니다: 한도 안의 모든 상태를 검사했습니다.',
    stoppedByDepth: (depth: number) =>
      `모두 탐색하지는 못했습니다: 깊이 한도(선택 ${depth}개)에서 멈췄고, 더 긴 경로는 탐색하지 않았습니다.`,
    stoppedByStates: '모두 탐색하지는 못했습니다: 상태 수 한도에서 먼저 멈췄습니다.',
    found: (invariant: InvariantName) => `위반 발견: ${invariantName(invariant, 'ko')}.`,
    foundPath: (choices: number, at: number, states: number) =>
      `이를 깨는 가장 짧은 경로는 ${count(at)} ms부터 선택 ${choices}개입니다 (상태 ${count(states)}개 탐색 후 발견). 이 경로를 실행에 열었습니다 (실행이 이 순간 뒤로 이어져 있었다면 새 분기로). 수동 전달 모드라 시간은 멈춰 있습니다.`,
    walk: (choices: number) =>
      `한 단계를 ${choices}번 눌러 따라가 보세요: 이벤트 피드가 각 선택이 하는 일을 설명합니다.`,
    cancelled: '탐색을 취소했습니다.',
    failed: (message: string) => `탐색이 오류로 멈췄습니다: ${message}`,
  },
);
