// One glossary per language: the words of Raft as the course notes say them, used by every
// sentence the interpreter builds and by any panel that names a role, a term or a commit.
// Korean follows the notes: 임기 = term, 후보 = candidate, 리더, 팔로워, 커밋, 과반수.
// Membership (§6) is past the notes' end: 투표자 = voter, 학습자 = learner, 예비 = spare server.
// The words of Raft concepts come from the terms table (terms.ts), which the Korean sweep enforces;
// this adds the interpreter's other words (states, yes/no, sources).

import type { Role } from '../../raft/types';
import type { Lang } from '../../store/sim-store';
import { TERMS } from './terms';

export interface Glossary {
  readonly term: string;
  readonly leader: string;
  readonly candidate: string;
  readonly preCandidate: string;
  readonly follower: string;
  readonly down: string;
  readonly commit: string;
  readonly committed: string;
  readonly notCommitted: string;
  readonly applied: string;
  readonly majority: string;
  readonly index: string;
  readonly noop: string;
  readonly yes: string;
  readonly no: string;
  readonly on: string;
  readonly off: string;
  readonly none: string;
  readonly unsafe: string;
  readonly paper: string;
  readonly thesis: string;
  readonly heartbeat: string;
  readonly preVote: string;
  readonly retry: string;
  /** §6: a server whose vote counts in the configuration. */
  readonly voter: string;
  /** Dissertation §4.2.1: a new server catching up, without a vote. */
  readonly learner: string;
  /** A server in no configuration: never added, or removed. */
  readonly spare: string;
}

const en: Glossary = {
  term: TERMS.term.en,
  leader: TERMS.leader.en,
  candidate: TERMS.candidate.en,
  preCandidate: 'pre-candidate',
  follower: TERMS.follower.en,
  down: 'down',
  commit: TERMS.commit.en,
  committed: 'committed',
  notCommitted: 'not committed',
  applied: 'applied',
  majority: TERMS.majority.en,
  index: 'index',
  noop: 'no-op',
  yes: 'yes',
  no: 'no',
  on: 'on',
  off: 'off',
  none: 'none',
  unsafe: 'unsafe',
  paper: 'paper',
  thesis: 'thesis',
  heartbeat: TERMS.heartbeat.en,
  preVote: TERMS.preVote.en,
  retry: 'retry',
  voter: TERMS.voter.en,
  learner: TERMS.learner.en,
  spare: 'spare',
};

const ko: Glossary = {
  term: TERMS.term.ko,
  leader: TERMS.leader.ko,
  candidate: TERMS.candidate.ko,
  preCandidate: '사전 후보',
  follower: TERMS.follower.ko,
  down: '중단됨',
  commit: TERMS.commit.ko,
  committed: '커밋됨',
  notCommitted: '커밋 전',
  applied: '적용됨',
  majority: TERMS.majority.ko,
  index: '인덱스',
  noop: 'no-op',
  yes: '예',
  no: '아니요',
  on: '켬',
  off: '끔',
  none: '없음',
  unsafe: '위험',
  paper: '논문',
  thesis: '학위논문',
  heartbeat: TERMS.heartbeat.ko,
  preVote: TERMS.preVote.ko,
  retry: '재시도',
  voter: TERMS.voter.ko,
  learner: TERMS.learner.ko,
  spare: '예비',
};

export const GLOSSARY: Readonly<Record<Lang, Glossary>> = { en, ko };

/** A role in the words of `lang`. */
export function roleName(role: Role | string, lang: Lang): string {
  const g = GLOSSARY[lang];
  switch (role) {
    case 'leader':
      return g.leader;
    case 'candidate':
      return g.candidate;
    case 'preCandidate':
      return g.preCandidate;
    case 'follower':
      return g.follower;
    default:
      return role;
  }
}

/** What a log cell or a sentence shows for a command: a leader's no-op entry has none. */
export function commandWord(command: string, lang: Lang): string {
  return command === '' ? GLOSSARY[lang].noop : command;
}

// ---- Korean particles after a number read aloud (1 일, 2 이, 3 삼 …) -------------------

/** 0 영, 1 일, 3 삼, 6 육, 7 칠, 8 팔 end in a consonant (10, 100 … too: 십, 백). */
const batchim = (n: number): boolean => [0, 1, 3, 6, 7, 8].includes(Math.abs(n) % 10);
/** 을/를 */
export const eul = (n: number): string => (batchim(n) ? '을' : '를');
/** 이/가 */
export const iga = (n: number): string => (batchim(n) ? '이' : '가');
/** 으로/로: numbers ending in ㄹ (1, 7, 8) take 로 like vowels. */
export const ro = (n: number): string => (batchim(n) && ![1, 7, 8].includes(Math.abs(n) % 10) ? '으로' : '로');

// ---- Small helpers every sentence uses ----------------------------------------------

export const list = (ids: readonly string[]): string => ids.join(', ');
export const range = (a: number, b: number): string => (a === b ? `${a}` : `${a}–${b}`);
export const quote = (text: string): string => `"${text}"`;
