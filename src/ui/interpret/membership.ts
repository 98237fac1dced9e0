// Membership changes (paper §6, Ongaro's dissertation §4): one reading per membership event.
// The course notes stop before membership; the nearest section is §3 (elections need a majority
// of the configuration in force), so readings cite the paper and the dissertation as their source.

import type { ChangeRefusal, Configuration, EntryConfig, NodeId } from '../../raft/types';
import { eul, iga } from './glossary';
import { both, type Localized, type NodeEventTable, type Reading } from './reading';

type MembershipEvents = Pick<
  NodeEventTable,
  | 'changeRequested'
  | 'changeRefused'
  | 'catchUpStarted'
  | 'learnerCaughtUp'
  | 'configurationChanged'
  | 'removalAnnounced'
>;

const set = (ids: readonly NodeId[]): string => `{${ids.join(',')}}`;

/** "{A,B,C}" or "C_old,new {A,B,C} + {C,D,E}". */
export function configText(c: Configuration): string {
  return c.old === undefined ? set(c.voters) : `C_old,new ${set(c.old)} + ${set(c.voters)}`;
}

/** A configuration entry's voters: "{A,B,C}", or "C_old,new {A,B,C} + {C,D,E}". */
export function entryConfigText(c: EntryConfig): string {
  return configText({ ...c, learners: [] });
}

const REFUSALS: Record<ChangeRefusal, Localized> = {
  'one-server-at-a-time': both(
    'single-server mode changes one server at a time (dissertation §4.1)',
    '단일 서버 모드에서는 한 번에 한 서버만 바꿈 (학위논문 §4.1)',
  ),
  'change-in-progress': both('an earlier change is not finished yet (§6)', '이전 변경이 아직 끝나지 않음 (§6)'),
  'term-not-committed': both(
    'it has not committed an entry of its own term yet (the 2015 correction)',
    '아직 자기 임기의 엔트리를 커밋하지 않음 (2015년 수정 규칙)',
  ),
  'no-voters-left': both('no voter would be left', '투표자가 하나도 남지 않음'),
  'add-and-remove': both('a server cannot be both added and removed', '같은 서버를 추가하면서 제거할 수 없음'),
};

/** Why a leader refused a membership change, in a clause (the engine's reason, in words). */
export function changeRefusalText(reason: ChangeRefusal): Localized {
  return REFUSALS[reason] ?? both(reason, reason);
}

const base = { section: '§3', rules: [] } as const;

export const MEMBERSHIP_EVENTS: MembershipEvents = {
  changeRequested(e, at): Reading {
    const what = [...e.add.map((id) => `+${id}`), ...e.remove.map((id) => `−${id}`)].join(' ');
    return {
      ...base,
      node: at.node,
      tone: 'client',
      source: { paper: '§6' },
      text: both(
        `Leader ${at.node} received a membership change (${what}), ${e.mode === 'joint' ? 'by joint consensus' : 'one server at a time'}`,
        `리더 ${at.node}가 멤버십 변경 요청(${what})을 받음 (${e.mode === 'joint' ? '공동 합의' : '한 번에 한 서버'})`,
      ),
    };
  },
  changeRefused(e, at): Reading {
    const why = changeRefusalText(e.reason);
    return {
      ...base,
      node: at.node,
      tone: 'error',
      source: { thesis: '§4.1' },
      text: both(`${at.node} refused the change: ${why.en}`, `${at.node}가 변경을 거절함: ${why.ko}`),
      check: both(
        `configuration entry ${e.configIndex} ≤ commitIndex ${e.commitIndex}? term of entry ${e.commitIndex} = ${e.committedTerm}, currentTerm ${e.currentTerm}`,
        `구성 엔트리 ${e.configIndex} ≤ commitIndex ${e.commitIndex}? 엔트리 ${e.commitIndex}의 임기 ${e.committedTerm}, currentTerm ${e.currentTerm}`,
      ),
    };
  },
  catchUpStarted(e, at): Reading {
    return {
      ...base,
      node: at.node,
      tone: 'log',
      source: { thesis: '§4.2.1' },
      text: both(
        `${e.learners.join(', ')} ${e.learners.length === 1 ? 'catches up as a non-voting learner' : 'catch up as non-voting learners'} first, up to index ${e.lastIndex} (dissertation §4.2.1)`,
        `${e.learners.join(', ')}가 투표권 없는 학습자(learner)로 먼저 인덱스 ${e.lastIndex}까지 로그를 따라잡음 (학위논문 §4.2.1)`,
      ),
    };
  },
  learnerCaughtUp(e, at): Reading {
    return {
      ...base,
      node: at.node,
      tone: 'log',
      source: { thesis: '§4.2.1' },
      text: both(
        `Learner ${e.learner} is within one round of the leader's log (${e.matchIndex}/${e.lastIndex}): the change can go in`,
        `학습자 ${e.learner}가 리더 로그의 한 라운드 안(${e.matchIndex}/${e.lastIndex})에 들어옴: 이제 변경을 넣을 수 있음`,
      ),
    };
  },
  removalAnnounced(e, at): Reading {
    const removed = e.removed.join(', ');
    return {
      ...base,
      node: at.node,
      tone: 'log',
      source: { paper: '§6' },
      text: both(
        `C_new (entry ${e.configIndex}) is committed: ${at.node} sends one last AppendEntries to every server, so ${removed} ${e.removed.length === 1 ? 'learns it is' : 'learn they are'} no longer ${e.removed.length === 1 ? 'a member' : 'members'}, and then stops sending to ${e.removed.length === 1 ? 'it' : 'them'} (§6)`,
        `C_new(엔트리 ${e.configIndex})${iga(e.configIndex)} 커밋됨: ${at.node}가 모든 서버에 마지막 AppendEntries를 보내 ${removed}에게 더 이상 구성원이 아님을 알리고, 그 뒤로는 보내지 않음 (§6)`,
      ),
    };
  },
  configurationChanged(e, at): Reading {
    const n = at.node;
    const to = configText(e.to);
    const learners = e.to.learners.length > 0 ? e.to.learners.join(', ') : null;
    const text: Record<typeof e.cause, Localized> = {
      change: both(
        `${n} appends configuration entry ${e.index} and uses it at once: ${to} (even uncommitted, §6)`,
        `${n}가 구성 엔트리 ${e.index}${eul(e.index)} 추가하고 바로 사용함: ${to} (커밋 전이라도, §6)`,
      ),
      jointCommitted: both(
        `C_old,new is committed, so ${n} appends C_new ${to} (§6)`,
        `C_old,new가 커밋되어 ${n}가 C_new ${to}를 추가함 (§6)`,
      ),
      replicated: both(
        `${n} received configuration entry ${e.index} and uses it at once: ${to}`,
        `${n}가 구성 엔트리 ${e.index}${eul(e.index)} 받아 바로 사용함: ${to}`,
      ),
      truncated: both(
        `A configuration entry was deleted: ${n} is back to ${to}`,
        `구성 엔트리가 지워져 ${n}의 구성이 ${to}로 되돌아감`,
      ),
      learners: both(`${n}'s learners: ${learners ?? 'none'}`, `${n}의 학습자: ${learners ?? '없음'}`),
      snapshot: both(
        `${n}'s configuration comes from its snapshot now: ${to} (§7)`,
        `${n}의 구성은 이제 스냅샷에서 옴: ${to} (§7)`,
      ),
    };
    return {
      ...base,
      node: n,
      tone: 'log',
      source: { paper: '§6' },
      text: text[e.cause],
      // Learner bookkeeping is the leader's detail: "Why?" tells it, the feed does not.
      ...(e.cause === 'learners' ? { quiet: true } : {}),
    };
  },
};
