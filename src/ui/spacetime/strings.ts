// Every string of the space-time diagram, in English and Korean.

import type { Role } from '../../raft/types';
import type { InvariantName } from '../../sim/types';
import { defineStrings } from '../i18n';
import { invariantName } from '../interpret/terms';

const ms = (t: number): string => `${Math.round(t * 10) / 10} ms`;
const EN_ROLE: Record<Role, string> = {
  follower: 'follower',
  preCandidate: 'pre-candidate',
  candidate: 'candidate',
  leader: 'leader',
};
const KO_ROLE: Record<Role, string> = {
  follower: '팔로워',
  preCandidate: '사전 후보',
  candidate: '후보',
  leader: '리더',
};

const EN_LETTER: Record<Role, string> = { leader: 'L', candidate: 'C', preCandidate: 'P', follower: 'F' };
// The first syllable of each role's Korean name (리더, 후보, 사전 후보, 팔로워).
const KO_LETTER: Record<Role, string> = { leader: '리', candidate: '후', preCandidate: '사', follower: '팔' };

export const SPACETIME_STRINGS = defineStrings(
  {
    title: 'Space-time diagram',
    explain:
      'One lane per node; time flows to the right. Each arrow is a message from its send to its arrival. Click to go to that instant.',
    diagram: (from: number, to: number) => `Messages between ${ms(from)} and ${ms(to)}`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    span: (span: number) => `window ${span >= 1000 ? `${(span / 1000).toFixed(1)} s` : `${Math.round(span)} ms`}`,
    heartbeats: 'Show heartbeats',
    maximize: 'Maximize',
    back: 'Back to the side',
    backHint: 'Escape also goes back',
    sent: (name: string, at: number) => `${name}, sent at ${ms(at)}`,
    delivered: (at: number) => `delivered at ${ms(at)}`,
    droppedAt: (at: number) => `dropped at ${ms(at)}`,
    inFlight: 'in flight',
    client: 'client',
    role: (node: string, r: Role, term: number, at: number) =>
      `${node} became ${EN_ROLE[r]} (term ${term}) at ${ms(at)}`,
    term: (node: string, term: number, at: number) => `${node} moved to term ${term} at ${ms(at)}`,
    commit: (node: string, index: number, at: number) => `${node} committed up to #${index} at ${ms(at)}`,
    crashed: (node: string, at: number) => `${node} crashed at ${ms(at)}`,
    restarted: (node: string, at: number) => `${node} restarted at ${ms(at)}`,
    violation: (invariant: InvariantName, at: number) => `Violation: ${invariantName(invariant, 'en')} at ${ms(at)}`,
    truncated: 'Too many messages: the oldest in this window are left out. Zoom in.',
    empty: 'Nothing was sent in this window.',
    playingArrows: (n: number) =>
      `${n} ${n === 1 ? 'message' : 'messages'} drawn while playing; pause to pick one by its name`,
    now: 'now',
    /** A role change's mark on a lane: the role's initial. */
    roleLetter: (r: Role) => EN_LETTER[r],
    termMark: (term: number) => `T${term}`,
  },
  {
    title: '시공간 다이어그램',
    explain:
      '노드마다 한 줄, 시간은 오른쪽으로 흐릅니다. 화살표 하나가 보낸 순간부터 도착한 순간까지의 메시지입니다. 클릭하면 그 순간으로 이동합니다.',
    diagram: (from: number, to: number) => `${ms(from)}부터 ${ms(to)}까지의 메시지`,
    maximize: '크게 보기',
    back: '옆으로 되돌리기',
    backHint: 'Esc 키로도 되돌아갑니다',
    zoomIn: '확대',
    zoomOut: '축소',
    span: (span: number) => `구간 ${span >= 1000 ? `${(span / 1000).toFixed(1)}초` : `${Math.round(span)} ms`}`,
    heartbeats: '하트비트 표시',
    sent: (name: string, at: number) => `${name}, ${ms(at)}에 보냄`,
    delivered: (at: number) => `${ms(at)}에 도착`,
    droppedAt: (at: number) => `${ms(at)}에 버려짐`,
    inFlight: '전송 중',
    client: '클라이언트',
    role: (node: string, r: Role, term: number, at: number) =>
      `${ms(at)}: ${node}이(가) ${KO_ROLE[r]}이 됨 (임기 ${term})`,
    term: (node: string, term: number, at: number) => `${ms(at)}: ${node}의 임기가 ${term}(으)로`,
    commit: (node: string, index: number, at: number) => `${ms(at)}: ${node}이(가) #${index}까지 커밋`,
    crashed: (node: string, at: number) => `${ms(at)}: ${node} 중지`,
    restarted: (node: string, at: number) => `${ms(at)}: ${node} 재시작`,
    violation: (invariant: InvariantName, at: number) => `${ms(at)}: ${invariantName(invariant, 'ko')} 위반`,
    truncated: '메시지가 너무 많아 이 구간의 오래된 메시지는 빠졌습니다. 확대하세요.',
    empty: '이 구간에는 보낸 메시지가 없습니다.',
    playingArrows: (n: number) => `재생 중 메시지 ${n}개를 그리는 중 — 일시정지하면 이름으로 하나씩 고를 수 있습니다`,
    now: '현재',
    roleLetter: (r: Role) => KO_LETTER[r],
    termMark: (term: number) => `임기 ${term}`,
  },
);
