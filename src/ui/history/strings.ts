// Every string of the client history panel, in English and Korean.

import { grouped } from '../format';
import { defineStrings } from '../i18n';

const ms = (t: number): string => `${grouped(t)} ms`;
const range = (from: number, to: number): string => `${grouped(from)}–${grouped(to)} ms`;
const shown = (v: string | null): string => (v === null ? '(none)' : v);

const ordinalEn = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

export const HISTORY_STRINGS = defineStrings(
  {
    title: 'Client history',
    explain:
      'Each bar is one client operation, from when the client invoked it to when the answer came; one row per client. Linearizable means one order of all operations, each taking effect at an instant inside its bar, explains every answer. Click a bar to go to that instant.',
    empty: 'No client operations yet. Submit a command (set x 1, get x) to see them here.',
    waiting: 'Reading the history…',
    clientRow: (n: number) => `client ${n}`,
    axis: 'virtual time (ms)',
    now: 'now',
    diagram: (n: number, clients: number) =>
      `${n} operation${n === 1 ? '' : 's'} by ${clients} client${clients === 1 ? '' : 's'}`,
    onlyLatest: (shownCount: number, total: number) => `Showing the latest ${shownCount} of ${total} operations.`,
    verdictOk: '✓ Linearizable',
    verdictOkDetail: (keys: number) =>
      `An order was found for ${keys === 1 ? 'the key' : `each of the ${keys} keys`}: the numbers give it, and the line joins the instants each operation can take effect.`,
    verdictBad: (key: string) => `✗ Not linearizable (key ${key})`,
    verdictBadDetail: (n: number, until: number) =>
      `The smallest part no order explains is outlined: ${n} operation${n === 1 ? '' : 's'}; the history already fails at ${ms(until)}.`,
    verdictUndecided: (key: string) => `? Undecided (key ${key})`,
    verdictUndecidedDetail: (steps: number) =>
      `The search gave up after ${grouped(steps)} steps. This is not a pass: neither an order nor a contradiction was found.`,
    staleOverwritten: (read: string, value: string | null, write: string) =>
      `Stale read: ${read} returned ${shown(value)}, but ${write} had completed before it began.`,
    staleOlderThanRead: (read: string, value: string | null, earlier: string, newer: string | null) =>
      `Stale read: ${read} returned ${shown(value)}, but an earlier ${earlier} had already returned ${shown(newer)} before it began.`,
    staleNeverWritten: (read: string, value: string | null) =>
      `${read} returned ${shown(value)}, a value no operation wrote.`,
    /** A write standing for the snapshot the run starts with (§7): it completed before any client began. */
    initialWrite: 'the write in the snapshot the run starts with',
    noStale: 'No single read is to blame: no order of the outlined operations explains all their answers.',
    opName: (command: string, client: number, call: number, ret: number) =>
      `${command}, client ${client}, ${range(call, ret)}`,
    opPending: (command: string, client: number, call: number) =>
      `${command}, client ${client}, from ${ms(call)}, no answer yet`,
    opFailed: (command: string, client: number, call: number, failed: number) =>
      `${command}, client ${client}, ${range(call, failed)}, gave up (it may still take effect)`,
    opResult: (result: string, by: string | null) => `, returned ${result}${by === null ? '' : ` from ${by}`}`,
    opOrder: (n: number, key: string) => `, ${ordinalEn(n)} on ${key} in the order found`,
    opCore: ', part of the non-linearizable history',
    opStale: ', the stale read',
    opSeek: (call: number) => `Go to ${ms(call)}, when it was invoked`,
    legendOrder: 'n: place in the order found',
    legendCore: 'outlined: not linearizable',
    legendPending: 'open end: no answer',
  },
  {
    title: '클라이언트 기록',
    explain:
      '막대 하나가 클라이언트 연산 하나입니다. 클라이언트가 요청한 때부터 응답이 온 때까지이며, 한 줄이 클라이언트 하나입니다. 선형화 가능이란 각 연산이 자기 막대 안의 한 순간에 일어났다고 보는 하나의 순서로 모든 응답이 설명된다는 뜻입니다. 막대를 누르면 그 순간으로 갑니다.',
    empty: '아직 클라이언트 연산이 없습니다. 명령(set x 1, get x)을 보내면 여기에 나타납니다.',
    waiting: '기록을 읽는 중…',
    clientRow: (n: number) => `클라이언트 ${n}`,
    axis: '가상 시간 (ms)',
    now: '지금',
    diagram: (n: number, clients: number) => `클라이언트 ${clients}개의 연산 ${n}개`,
    onlyLatest: (shownCount: number, total: number) => `연산 ${total}개 중 최근 ${shownCount}개를 보여 줍니다.`,
    verdictOk: '✓ 선형화 가능',
    verdictOkDetail: (keys: number) =>
      `${keys === 1 ? '키' : `키 ${keys}개 각각`}에 대해 순서를 찾았습니다. 숫자가 그 순서이고, 선은 각 연산이 일어났다고 볼 수 있는 순간을 잇습니다.`,
    verdictBad: (key: string) => `✗ 선형화 불가능 (키 ${key})`,
    verdictBadDetail: (n: number, until: number) =>
      `어떤 순서로도 설명되지 않는 가장 작은 부분(연산 ${n}개)에 테두리를 쳤습니다. 기록은 ${ms(until)}에 이미 어긋납니다.`,
    verdictUndecided: (key: string) => `? 판정 못 함 (키 ${key})`,
    verdictUndecidedDetail: (steps: number) =>
      `탐색이 ${grouped(steps)}단계 뒤에 멈췄습니다. 통과가 아닙니다: 순서도, 모순도 찾지 못했습니다.`,
    staleOverwritten: (read: string, value: string | null, write: string) =>
      `낡은 읽기: ${read}가 ${shown(value)}을(를) 반환했지만, ${write}는 그 읽기가 시작되기 전에 이미 완료되었습니다.`,
    staleOlderThanRead: (read: string, value: string | null, earlier: string, newer: string | null) =>
      `낡은 읽기: ${read}가 ${shown(value)}을(를) 반환했지만, 그보다 먼저 끝난 ${earlier}는 이미 ${shown(newer)}을(를) 반환했습니다.`,
    staleNeverWritten: (read: string, value: string | null) =>
      `${read}가 어떤 연산도 쓰지 않은 값 ${shown(value)}을(를) 반환했습니다.`,
    initialWrite: '시작 스냅샷의 쓰기',
    noStale: '읽기 하나의 탓이 아닙니다. 테두리 친 연산들의 응답을 모두 설명하는 순서가 없습니다.',
    opName: (command: string, client: number, call: number, ret: number) =>
      `${command}, 클라이언트 ${client}, ${range(call, ret)}`,
    opPending: (command: string, client: number, call: number) =>
      `${command}, 클라이언트 ${client}, ${ms(call)}부터, 아직 응답 없음`,
    opFailed: (command: string, client: number, call: number, failed: number) =>
      `${command}, 클라이언트 ${client}, ${range(call, failed)}, 포기함 (나중에 반영될 수도 있음)`,
    opResult: (result: string, by: string | null) => `, ${by === null ? '' : `${by}의 `}응답 ${result}`,
    opOrder: (n: number, key: string) => `, 찾은 순서에서 ${key}의 ${n}번째`,
    opCore: ', 선형화 불가능한 부분',
    opStale: ', 낡은 읽기',
    opSeek: (call: number) => `요청한 순간 ${ms(call)}(으)로 가기`,
    legendOrder: 'n: 찾은 순서',
    legendCore: '테두리: 선형화 불가능',
    legendPending: '열린 끝: 응답 없음',
  },
);
