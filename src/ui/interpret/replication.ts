// Log replication and repair (course notes §4, §7; paper §5.3, §8): one entry per event.

import type { LogEntry } from '../../raft/types';
import { eul, iga, quote, range, ro } from './glossary';
import { entryConfigText } from './membership';
import { both, type NodeEventTable } from './reading';

type ReplicationEvents = Pick<
  NodeEventTable,
  'appendRefused' | 'entriesAppended' | 'entriesTruncated' | 'nextIndexBackedUp' | 'retryAlreadyPending'
>;

/** One entry as a sentence shows it: its term and command ("no-op" for a leader's empty entry, §6 for a configuration). */
const entryText = (e: LogEntry) =>
  e.config
    ? both(
        `term ${e.term}, configuration ${entryConfigText(e.config)}`,
        `임기 ${e.term}, 구성 ${entryConfigText(e.config)}`,
      )
    : both(
        `term ${e.term}, ${e.noop ? 'no-op' : quote(e.command)}`,
        `임기 ${e.term}, ${e.noop ? 'no-op' : quote(e.command)}`,
      );

export const REPLICATION_EVENTS: ReplicationEvents = {
  appendRefused(e, at) {
    const n = at.node;
    const l = e.leader;
    if (e.reason === 'stale-term')
      return {
        node: n,
        tone: 'log',
        text: both(
          `${n} refused AppendEntries from ${l}: ${l}'s term ${e.term} is older than ${n}'s term ${e.currentTerm}, so ${l} learns it is no longer leader`,
          `${n}가 ${l}의 AppendEntries를 거부함: ${l}의 임기 ${e.term}${iga(e.term)} ${n}의 임기 ${e.currentTerm}보다 낮음. ${l}는 자신이 더 이상 리더가 아님을 알게 됨`,
        ),
        rules: ['ae.stale'],
        section: '§6.2',
        source: 'Figure 2',
        check: both(
          `term ${e.term} < currentTerm ${e.currentTerm}? yes → refuse`,
          `임기 ${e.term} < currentTerm ${e.currentTerm}? 예 → 거부`,
        ),
      };
    if (e.reason === 'missing-entry' || e.myPrevLogTerm === null)
      return {
        node: n,
        tone: 'log',
        text: both(
          `${n} refused AppendEntries from ${l}: its log has no entry at prevLogIndex ${e.prevLogIndex} (it ends at ${e.myLastLogIndex}; consistency check)`,
          `${n}가 ${l}의 AppendEntries를 거부함: prevLogIndex ${e.prevLogIndex}에 엔트리가 없음 (로그가 ${e.myLastLogIndex}에서 끝남, 일관성 검사)`,
        ),
        rules: ['ae.check'],
        section: '§7.1',
        source: { paper: '§5.3' },
        check: both(
          `entry at prevLogIndex ${e.prevLogIndex}? none (last index ${e.myLastLogIndex}) → refuse`,
          `prevLogIndex ${e.prevLogIndex}에 엔트리가 있나? 없음 (마지막 인덱스 ${e.myLastLogIndex}) → 거부`,
        ),
      };
    return {
      node: n,
      tone: 'log',
      text: both(
        `${n} refused AppendEntries from ${l}: its entry at prevLogIndex ${e.prevLogIndex} has term ${e.myPrevLogTerm}, not prevLogTerm ${e.prevLogTerm} (consistency check)`,
        `${n}가 ${l}의 AppendEntries를 거부함: prevLogIndex ${e.prevLogIndex}의 엔트리 임기가 prevLogTerm과 다름 (${e.myPrevLogTerm} ≠ ${e.prevLogTerm}, 일관성 검사)`,
      ),
      rules: ['ae.check'],
      section: '§7.1',
      source: { paper: '§5.3' },
      check: both(
        `log[${e.prevLogIndex}].term ${e.myPrevLogTerm} = prevLogTerm ${e.prevLogTerm}? no → refuse`,
        `log[${e.prevLogIndex}].term ${e.myPrevLogTerm} = prevLogTerm ${e.prevLogTerm}? 아니요 → 거부`,
      ),
    };
  },

  entriesAppended(e, at) {
    const n = at.node;
    const first = e.fromIndex;
    const last = e.fromIndex + e.entries.length - 1;
    const one = e.entries.length === 1 ? e.entries[0]! : null;
    if (e.leader === n) {
      // The leader's own log: its no-op (§8) or a client's command (§4 step 1).
      if (one?.noop)
        return {
          node: n,
          tone: 'log',
          text: both(
            `${n}, the new leader, appended a no-op entry of its term ${one.term} at index ${first}, so entries of earlier terms can commit with it`,
            `새 리더 ${n}가 인덱스 ${first}에 자신의 임기 ${one.term}의 no-op 엔트리를 추가함: 이전 임기의 엔트리들이 함께 커밋될 수 있도록`,
          ),
          rules: ['opt.leaderNoop'],
          section: '§4',
          source: { paper: '§8' },
        };
      // §6: a configuration entry, in force on the leader already; it commits like any entry.
      if (one?.config)
        return {
          node: n,
          tone: 'log',
          text: both(
            `Leader ${n} appended configuration entry ${entryConfigText(one.config)} at index ${first}, term ${one.term}: it counts with it already, not committed yet; it sends it to the followers (§6)`,
            `리더 ${n}가 구성 엔트리 ${entryConfigText(one.config)}를 인덱스 ${first}(임기 ${one.term})에 추가함: 커밋 전이지만 이미 이 구성으로 셈, 팔로워들에게 보냄 (§6)`,
          ),
          rules: [],
          section: '§4',
          source: { paper: '§6' },
          // configurationChanged tells the feed already; "Why?" keeps this one.
          quiet: true,
        };
      const request = one?.requestId === undefined ? null : one.requestId;
      const what = one ? quote(one.command) : `${e.entries.length}`;
      const req = both(request === null ? '' : ` (request #${request})`, request === null ? '' : `(요청 #${request})`);
      return {
        node: n,
        tone: 'log',
        text: both(
          `Leader ${n} appended ${what}${req.en} to its log at index ${range(first, last)}, term ${one?.term ?? e.entries[0]?.term}: not committed yet; it sends it to the followers`,
          `리더 ${n}가 ${what}${req.ko} 명령을 로그의 인덱스 ${range(first, last)}(임기 ${one?.term ?? e.entries[0]?.term})에 추가함: 아직 커밋되지 않았고, 팔로워들에게 보냄`,
        ),
        rules: ['leader.client'],
        section: '§4',
        source: { paper: '§5.3' },
      };
    }
    const detail = one ? entryText(one) : null;
    return {
      node: n,
      tone: 'log',
      text: both(
        `${n} appended ${first === last ? `entry ${first}` : `entries ${first}–${last}`}${detail ? ` (${detail.en})` : ''} from ${e.leader}: the entries before ${first === last ? 'it' : 'them'} match the leader's`,
        `${n}가 ${e.leader}에게서 받은 ${first === last ? `엔트리 ${first}` : `엔트리 ${first}–${last}`}${detail ? `(${detail.ko})` : ''}${eul(last)} 로그에 추가함: 그 앞의 엔트리들이 리더의 것과 일치함`,
      ),
      rules: ['ae.check', 'ae.append'],
      section: '§4',
      source: { paper: '§5.3' },
      check: both(
        `consistency check passed (log matches ${e.leader}'s up to index ${first - 1}) → append ${range(first, last)}`,
        `일관성 검사 통과 (인덱스 ${first - 1}까지 ${e.leader}의 로그와 일치) → ${range(first, last)} 추가`,
      ),
    };
  },

  retryAlreadyPending(e, at) {
    const n = at.node;
    const id = e.requestId;
    if (e.index === null)
      return {
        node: n,
        tone: 'client',
        text: both(
          `${n} is already serving read #${id}: the client's retry waits for the same answer`,
          `${n}가 이미 읽기 #${id}${eul(id)} 처리하는 중: 클라이언트의 재시도는 같은 답을 기다림`,
        ),
        rules: ['ext.readIndex'],
        section: '§4',
        source: { thesis: '§6.4' },
      };
    return {
      node: n,
      tone: 'client',
      text: both(
        `Leader ${n} already holds request #${id} at index ${e.index}, in its own term: it does not append the retry again; the entry's answer, once committed, serves it`,
        `리더 ${n}의 로그에는 요청 #${id}${iga(id)} 이미 인덱스 ${e.index}(자신의 임기)에 있음: 재시도를 다시 추가하지 않고, 그 엔트리가 커밋되면 그 응답으로 답함`,
      ),
      rules: ['leader.client'],
      section: '§4',
      source: { thesis: '§6.3' },
    };
  },

  entriesTruncated(e, at) {
    const n = at.node;
    const k = e.removed.length;
    const mine = e.removed[0]?.term ?? 0;
    // The leader's entry that replaces it, appended by the same AppendEntries in this step.
    const theirs =
      at.step.events(n, 'entriesAppended').find((a) => a.fromIndex === e.fromIndex)?.entries[0]?.term ?? null;
    return {
      node: n,
      tone: 'log',
      text: both(
        `${n} deleted ${k} conflicting ${k === 1 ? 'entry' : 'entries'} from index ${e.fromIndex} on: the leader's log overwrites ${k === 1 ? 'it' : 'them'}`,
        `${n}가 인덱스 ${e.fromIndex}부터 충돌하는 엔트리 ${k}개를 지움: 리더의 로그로 덮어씀`,
      ),
      rules: ['ae.conflict'],
      section: '§7.2',
      source: { paper: '§5.3' },
      check: both(
        `log[${e.fromIndex}].term ${mine} = new entry's term ${theirs ?? '?'}? no → delete index ${e.fromIndex} and all after it`,
        `log[${e.fromIndex}].term ${mine} = 새 엔트리의 임기 ${theirs ?? '?'}? 아니요 → 인덱스 ${e.fromIndex}부터 모두 삭제`,
      ),
    };
  },

  nextIndexBackedUp(e, at) {
    const n = at.node;
    const f = e.follower;
    const fast = e.from - e.to > 1;
    return {
      node: n,
      tone: 'log',
      text: fast
        ? both(
            `${n} moved nextIndex for ${f} back from ${e.from} to ${e.to}, skipping the conflicting term at once, and retries`,
            `${n}가 ${f}의 nextIndex를 ${e.from}에서 ${e.to}${ro(e.to)} 되돌림: 충돌하는 임기를 한 번에 건너뛰고 다시 보냄`,
          )
        : both(
            `${n} moved nextIndex for ${f} back from ${e.from} to ${e.to} and retries`,
            `${n}가 ${f}의 nextIndex를 ${e.from}에서 ${e.to}${ro(e.to)} 줄이고 다시 보냄`,
          ),
      rules: fast ? ['leader.backup', 'opt.fastBackup'] : ['leader.backup'],
      section: '§7.2',
      source: { paper: '§5.3' },
      check: both(
        `${f} refused → nextIndex ${e.from} → ${e.to}, resend with prevLogIndex ${e.to - 1}`,
        `${f}가 거부 → nextIndex ${e.from} → ${e.to}, prevLogIndex ${e.to - 1}${ro(e.to - 1)} 다시 보냄`,
      ),
    };
  },
};
