// The app's vocabulary: for each Raft concept the one English and the one Korean word every
// panel, caption, lesson and sentence uses, and the variants Korean text must not use for it
// (the English word, or a second Korean word). The Korean follows the course notes
// (`raft-overview.ko.md`: 리더, 로그, 과반수, 쿼럼, 엔트리, 투표) and, where the notes keep the
// English, the course's glossary (임기, 팔로워, 후보, 커밋, 하트비트). The sweep test
// (`terms.test.ts`) holds every Korean string of the app to this table.

import type { InvariantName } from '../../sim/types';
import type { Lang } from '../../store/sim-store';

export interface Term {
  readonly en: string;
  readonly ko: string;
  /** Words Korean text must not use for this concept (matched as whole words, any case). */
  readonly notInKorean: readonly string[];
}

export const TERMS = {
  leader: { en: 'leader', ko: '리더', notInKorean: ['leader', 'leaders', '지도자'] },
  follower: { en: 'follower', ko: '팔로워', notInKorean: ['follower', 'followers', '폴로워', '팔로어', '추종자'] },
  candidate: { en: 'candidate', ko: '후보', notInKorean: ['candidate', 'candidates', '후보자', '캔디데이트'] },
  term: { en: 'term', ko: '임기', notInKorean: ['term', 'terms', '텀'] },
  commit: { en: 'commit', ko: '커밋', notInKorean: ['commit', 'commits', 'committed', '커미트'] },
  log: { en: 'log', ko: '로그', notInKorean: ['log', 'logs'] },
  entry: { en: 'entry', ko: '엔트리', notInKorean: ['entry', 'entries', '항목'] },
  electionTimeout: {
    en: 'election timeout',
    ko: '선거 타임아웃',
    notInKorean: ['election timeout', 'election timeouts', '선출 타임아웃'],
  },
  heartbeat: { en: 'heartbeat', ko: '하트비트', notInKorean: ['heartbeat', 'heartbeats', '심장 박동'] },
  preVote: { en: 'pre-vote', ko: '사전 투표', notInKorean: ['pre-vote', 'prevote'] },
  splitVote: { en: 'split vote', ko: '표 갈림', notInKorean: ['split vote'] },
  vote: { en: 'vote', ko: '투표', notInKorean: ['vote', 'votes'] },
  majority: { en: 'majority', ko: '과반수', notInKorean: ['majority'] },
  quorum: { en: 'quorum', ko: '쿼럼', notInKorean: ['quorum', '정족수'] },
  snapshot: { en: 'snapshot', ko: '스냅샷', notInKorean: ['snapshot', 'snapshots', '스냅숏'] },
  learner: { en: 'learner', ko: '학습자', notInKorean: ['learner', 'learners'] },
  voter: { en: 'voter', ko: '투표자', notInKorean: ['voter', 'voters'] },
  // Field names of Figure 2 stay as the paper spells them in both languages, as the notes do.
  nextIndex: { en: 'nextIndex', ko: 'nextIndex', notInKorean: [] },
  matchIndex: { en: 'matchIndex', ko: 'matchIndex', notInKorean: [] },
} as const satisfies Record<string, Term>;

/**
 * English that Korean text may still show: a gloss in parentheses after the Korean word, as the
 * notes write "리더 선출 (Leader Election)" and the settings "쿼럼 확인 (Check quorum)", so a
 * teacher can match a name to the paper or to etcd's flags. Only Latin letters, spaces and
 * hyphens: "(Term 1)" is not a gloss.
 */
const GLOSS = /\(\s*[A-Za-z][A-Za-z -]*\)/g;

export interface TermProblem {
  /** The forbidden word as it appears in the text. */
  readonly found: string;
  /** The word to use instead. */
  readonly use: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An English word matches whole: not inside an identifier (prevLogTerm, RequestVote) nor a code
 * expression of Figure 2 (log[N].term).
 */
function wordPattern(word: string): RegExp {
  const latin = /^[A-Za-z ]+$/.test(word);
  // Korean variants are matched anywhere (particles follow them without a space).
  return latin ? new RegExp(`(?<![A-Za-z.])${escape(word)}(?![A-Za-z[])`, 'i') : new RegExp(escape(word));
}

const PATTERNS: readonly { readonly pattern: RegExp; readonly use: string }[] = Object.values(TERMS).flatMap(
  (t: Term) => t.notInKorean.map((word) => ({ pattern: wordPattern(word), use: t.ko })),
);

/** The glossary words a Korean text gets wrong (empty when it follows the glossary). */
export function termProblems(korean: string): TermProblem[] {
  const text = korean.replace(GLOSS, ' ');
  const problems: TermProblem[] = [];
  for (const { pattern, use } of PATTERNS) {
    const m = pattern.exec(text);
    if (m) problems.push({ found: m[0], use });
  }
  return problems;
}

// ---- The safety properties (Figure 3 of the paper and the checker's extra checks) ----------

const INVARIANT_KO: Readonly<Record<InvariantName, string>> = {
  'Election Safety': '선거 안전성',
  'Leader Append-Only': '리더 추가 전용',
  'Log Matching': '로그 일치',
  'Leader Completeness': '리더 완전성',
  'State Machine Safety': '상태 머신 안전성',
  'Term Monotonic': '임기 단조 증가',
  'Vote Stability': '투표 안정성',
  'Commit Bounds': '커밋 범위',
  'Configuration Safety': '구성 안전성',
  'Commit Quorum': '커밋 쿼럼',
  Linearizability: '선형화 가능성',
};

/** A safety property's name in `lang` (the English is the paper's). */
export function invariantName(invariant: InvariantName, lang: Lang): string {
  return lang === 'ko' ? INVARIANT_KO[invariant] : invariant;
}
