// The manual delivery panel's strings, in English and Korean: apart from TIME_STRINGS, since the time
// strip is in the first chunk and the panel loads when manual delivery is first turned on.

import { defineStrings } from '../i18n';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
const secondsKo = (ms: number): string => `${(ms / 1000).toFixed(3)}초`;

export const MANUAL_STRINGS = defineStrings(
  {
    inFlight: 'Messages in flight',
    noMessages: 'No message is in flight. Fire a node’s election timer to start something.',
    dueAt: (ms: number) => `due at ${seconds(ms)}`,
    numbered: (id: number, name: string) => `#${id} ${name}`,
    deliver: 'Deliver',
    drop: 'Drop',
    duplicate: 'Duplicate',
    deliverName: (msg: string) => `Deliver ${msg}`,
    dropName: (msg: string) => `Drop ${msg}`,
    duplicateName: (msg: string) => `Duplicate ${msg}`,
    timers: 'Election timers',
    fireTimer: (node: string) => `Fire ${node}’s election timer`,
    fireHeartbeat: (node: string) => `Send ${node}’s heartbeat now (AppendEntries to every follower)`,
  },
  {
    inFlight: '전송 중인 메시지',
    noMessages: '전송 중인 메시지가 없습니다. 노드의 선거 타이머를 발동해 보세요.',
    dueAt: (ms: number) => `${secondsKo(ms)} 도착 예정`,
    numbered: (id: number, name: string) => `#${id} ${name}`,
    deliver: '전달',
    drop: '버리기',
    duplicate: '복제',
    deliverName: (msg: string) => `${msg} 전달`,
    dropName: (msg: string) => `${msg} 버리기`,
    duplicateName: (msg: string) => `${msg} 복제`,
    timers: '선거 타이머',
    fireTimer: (node: string) => `${node}의 선거 타이머 발동`,
    fireHeartbeat: (node: string) => `${node}의 하트비트 지금 보내기 (모든 팔로워에게 AppendEntries)`,
  },
);
