// The words of the membership view (§6, dissertation §4): servers apart from the ring, a
// learner's catch-up, and the key to a joint configuration's two voter sets. Terms from the glossary.

import { defineStrings } from '../i18n';
import { GLOSSARY } from '../interpret/glossary';

/** Where a server stands in the configuration the cluster follows. */
export type Standing = 'voter' | 'learner' | 'spare';

const set = (ids: readonly string[]): string => `{${ids.join(',')}}`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export const MEMBERSHIP_STRINGS = defineStrings(
  {
    standing: (s: Standing) => GLOSSARY.en[s],
    /** The pill of a server apart from the ring: its standing, after its role when that says more. */
    pill: (role: string | null, s: Standing) =>
      role === null ? capital(GLOSSARY.en[s]) : `${role} · ${GLOSSARY.en[s]}`,
    /** A learner's log against the leader's (dissertation §4.2.1). */
    catchUp: (match: number, last: number, caughtUp: boolean) => `${caughtUp ? '✓' : '⟳'} log ${match}/${last}`,
    catchUpName: (match: number, last: number, caughtUp: boolean) =>
      `catching up: matchIndex ${match} of the leader's last index ${last}${caughtUp ? ', caught up' : ''}`,
    keyTitle: 'Membership',
    apartKey: 'dashed, off the ring: no vote (spare server or learner)',
    oldSet: (ids: readonly string[]) => `C_old ${set(ids)}`,
    newSet: (ids: readonly string[]) => `C_new ${set(ids)}`,
    jointKey: 'C_old,new: a majority of each set is needed',
  },
  {
    standing: (s: Standing) => GLOSSARY.ko[s],
    pill: (role: string | null, s: Standing) => (role === null ? GLOSSARY.ko[s] : `${role} · ${GLOSSARY.ko[s]}`),
    catchUp: (match: number, last: number, caughtUp: boolean) => `${caughtUp ? '✓' : '⟳'} 로그 ${match}/${last}`,
    catchUpName: (match: number, last: number, caughtUp: boolean) =>
      `따라잡는 중: matchIndex ${match} / 리더의 마지막 인덱스 ${last}${caughtUp ? ', 따라잡음' : ''}`,
    keyTitle: '멤버십',
    apartKey: '점선, 원 밖: 투표권 없음 (예비 서버 또는 학습자)',
    oldSet: (ids: readonly string[]) => `C_old ${set(ids)}`,
    newSet: (ids: readonly string[]) => `C_new ${set(ids)}`,
    jointKey: 'C_old,new: 두 집합 각각의 과반수가 필요',
  },
);
