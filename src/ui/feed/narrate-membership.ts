// The feed's sentences for membership events (Raft paper §6, Ongaro's dissertation §4), in
// Korean and English. Kept apart from narrate.ts so that file stays one switch over the core
// events; narrate.ts hands every membership event here with one call.

import type { Configuration, NodeId, RaftEvent } from '../../raft/types';
import type { Lang } from '../../store/sim-store';
import type { Tone } from './narrate';

const set = (ids: readonly NodeId[]): string => `{${ids.join(',')}}`;

function configText(c: Configuration): string {
  return c.old === undefined ? set(c.voters) : `C_old,new ${set(c.old)} + ${set(c.voters)}`;
}

const REFUSALS: Record<Lang, Record<string, string>> = {
  en: {
    'one-server-at-a-time': 'single-server mode changes one server at a time (dissertation §4.1)',
    'change-in-progress': 'an earlier change is not finished yet (§6)',
    'term-not-committed': 'it has not committed an entry of its own term yet (the 2015 correction)',
    'no-voters-left': 'no voter would be left',
    'add-and-remove': 'a server cannot be both added and removed',
  },
  ko: {
    'one-server-at-a-time': '단일 서버 모드에서는 한 번에 한 서버만 바꿉니다 (학위논문 §4.1)',
    'change-in-progress': '이전 변경이 아직 끝나지 않았습니다 (§6)',
    'term-not-committed': '아직 자기 임기의 엔트리를 커밋하지 않았습니다 (2015년 수정 규칙)',
    'no-voters-left': '투표자가 하나도 남지 않습니다',
    'add-and-remove': '같은 서버를 추가하면서 제거할 수 없습니다',
  },
};

/** The sentence for a membership event, or null when the event is not one. */
export function narrateMembership(
  node: NodeId,
  e: RaftEvent,
  lang: Lang,
): { readonly text: string; readonly tone: Tone } | null {
  const ko = lang === 'ko';
  switch (e.type) {
    case 'changeRequested': {
      const what = [...e.add.map((id) => `+${id}`), ...e.remove.map((id) => `−${id}`)].join(' ');
      return {
        text: ko
          ? `리더 ${node}가 멤버십 변경 요청(${what})을 받았습니다.`
          : `Leader ${node} received a membership change (${what}).`,
        tone: 'client',
      };
    }
    case 'changeRefused':
      return {
        text: ko
          ? `${node}가 변경을 거절했습니다: ${REFUSALS.ko[e.reason]}.`
          : `${node} refused the change: ${REFUSALS.en[e.reason]}.`,
        tone: 'error',
      };
    case 'catchUpStarted':
      return {
        text: ko
          ? `${e.learners.join(', ')}가 투표권 없는 learner로 로그를 따라잡습니다 (학위논문 §4.2.1).`
          : `${e.learners.join(', ')} catch up as non-voting learners first (dissertation §4.2.1).`,
        tone: 'log',
      };
    case 'learnerCaughtUp':
      return {
        text: ko
          ? `learner ${e.learner}가 리더 로그의 한 라운드 안(${e.matchIndex}/${e.lastIndex})에 들어왔습니다.`
          : `Learner ${e.learner} is within one round of the leader's log (${e.matchIndex}/${e.lastIndex}).`,
        tone: 'log',
      };
    case 'configurationChanged': {
      const to = configText(e.to);
      const text = ko
        ? {
            change: `${node}가 구성 엔트리 ${e.index}를 추가하고 바로 사용합니다: ${to} (커밋 전이라도, §6).`,
            jointCommitted: `C_old,new가 커밋되어 ${node}가 C_new ${to}를 추가합니다 (§6).`,
            replicated: `${node}가 구성 엔트리 ${e.index}를 받아 바로 사용합니다: ${to}.`,
            truncated: `구성 엔트리가 지워져 ${node}의 구성이 ${to}로 되돌아갑니다.`,
            learners: `${node}의 learner: ${e.to.learners.length > 0 ? e.to.learners.join(', ') : '없음'}.`,
          }[e.cause]
        : {
            change: `${node} appends configuration entry ${e.index} and uses it at once: ${to} (even uncommitted, §6).`,
            jointCommitted: `C_old,new is committed, so ${node} appends C_new ${to} (§6).`,
            replicated: `${node} received configuration entry ${e.index} and uses it at once: ${to}.`,
            truncated: `A configuration entry was deleted: ${node} is back to ${to}.`,
            learners: `${node}'s learners: ${e.to.learners.length > 0 ? e.to.learners.join(', ') : 'none'}.`,
          }[e.cause];
      return { text, tone: 'log' };
    }
    case 'steppedDown':
      if (e.reason !== 'removed') return null;
      return {
        text: ko
          ? `${node}는 자신이 빠진 C_new가 커밋되어 리더에서 물러납니다 (§6).`
          : `${node} is not in C_new, which is now committed: it steps down (§6).`,
        tone: 'election',
      };
    default:
      return null;
  }
}
