// Elections (course notes §3, §6; paper §5.2, §5.4.1; thesis §9.6 for pre-vote): one entry per
// event, each worded from the event's own fields.

import type { NodeId, Role, VoteCheck, VoteTally } from '../../raft/types';
import { eul, iga, list } from './glossary';
import { both, type At, type Localized, type NodeEventTable, type Reading } from './reading';

type ElectionEvents = Pick<
  NodeEventTable,
  'termChanged' | 'roleChanged' | 'electionStarted' | 'voteGranted' | 'voteRefused' | 'voteCounted' | 'steppedDown'
>;

const yesNo = (ok: boolean): Localized => both(ok ? 'yes' : 'no', ok ? '예' : '아니요');

/** "votedFor null ∈ {null, C}? yes" */
function votedForCheck(votedFor: NodeId | null, candidate: NodeId, ok: boolean): Localized {
  const v = `votedFor ${votedFor ?? 'null'} ∈ {null, ${candidate}}?`;
  return both(`${v} ${yesNo(ok).en}`, `${v} ${yesNo(ok).ko}`);
}

/** §5.4.1: the candidate's log is at least as up-to-date as the voter's (the engine's verdict). */
function upToDateCheck(c: VoteCheck): Localized {
  const ok = c.candidateUpToDate;
  return c.candidateLastLogTerm !== c.voterLastLogTerm
    ? both(
        `candidate's lastLogTerm ${c.candidateLastLogTerm} > my lastLogTerm ${c.voterLastLogTerm}? ${yesNo(ok).en}`,
        `후보의 lastLogTerm ${c.candidateLastLogTerm} > 내 lastLogTerm ${c.voterLastLogTerm}? ${yesNo(ok).ko}`,
      )
    : both(
        `candidate's lastLogTerm ${c.candidateLastLogTerm} = mine, lastLogIndex ${c.candidateLastLogIndex} ≥ my ${c.voterLastLogIndex}? ${yesNo(ok).en}`,
        `후보의 lastLogTerm ${c.candidateLastLogTerm} = 내 것, lastLogIndex ${c.candidateLastLogIndex} ≥ 내 ${c.voterLastLogIndex}? ${yesNo(ok).ko}`,
      );
}

const join = (parts: readonly Localized[], verdict: Localized): Localized =>
  both(`${parts.map((p) => p.en).join('; ')} → ${verdict.en}`, `${parts.map((p) => p.ko).join('; ')} → ${verdict.ko}`);

const GRANT = both('grant', '투표함');
const REFUSE = both('refuse', '거부');

/** "votes 3 ≥ majority 3? yes" for each voter set (two in a joint configuration). */
function tallyCheck(t: VoteTally, verdict: Localized): Localized {
  const parts = t.quorums.map((q) => {
    const votes = t.granted.filter((id) => q.voters.includes(id)).length;
    const ok = votes >= q.needed;
    return both(
      `votes ${votes} ≥ majority ${q.needed} of ${q.voters.length}? ${yesNo(ok).en}`,
      `득표 ${votes} ≥ 과반수 ${q.needed}(${q.voters.length}대 중)? ${yesNo(ok).ko}`,
    );
  });
  return join(parts, verdict);
}

/** The role a node left in this step for follower, if it changed (told with the term that caused it). */
function leftRole(at: At): Role {
  return at.step.events(at.node, 'roleChanged').find((r) => r.to === 'follower')?.from ?? 'follower';
}

export const ELECTION_EVENTS: ElectionEvents = {
  termChanged(e, at) {
    // An election's new term is told by electionStarted, which knows why the election began.
    if (e.cause === 'election') return null;
    const n = at.node;
    const was = leftRole(at);
    const en =
      `${n} saw term ${e.to} from ${e.cause}, higher than its own ${e.from}: it adopts term ${e.to}, clears votedFor and ` +
      (was === 'leader'
        ? 'steps down from leader to follower'
        : was === 'candidate' || was === 'preCandidate'
          ? 'gives up its candidacy'
          : 'stays a follower');
    const ko =
      `${n}가 ${e.cause}에게서 자신의 임기 ${e.from}보다 높은 임기 ${e.to}${eul(e.to)} 봄: 임기 ${e.to}${eul(e.to)} 받아들이고 votedFor를 비운 뒤 ` +
      (was === 'leader'
        ? '리더에서 팔로워로 강등됨'
        : was === 'candidate' || was === 'preCandidate'
          ? '후보를 포기하고 팔로워가 됨'
          : '팔로워로 남음');
    return {
      node: n,
      tone: 'election',
      text: both(en, ko),
      rules: ['all.higherTerm'],
      section: '§6.2',
      source: 'Figure 2',
      check: both(
        `message term ${e.to} > currentTerm ${e.from}? yes → currentTerm = ${e.to}, votedFor = null, follower`,
        `메시지 임기 ${e.to} > currentTerm ${e.from}? 예 → currentTerm = ${e.to}, votedFor = null, 팔로워`,
      ),
    };
  },

  roleChanged(e, at) {
    const n = at.node;
    if (e.to === 'leader') {
      // The deciding vote's tally, counted by the node in this same step.
      const won = at.step.events(n, 'voteCounted').find((v) => !v.preVote && v.tally.result === 'won');
      const votes = won ? won.tally.granted : null;
      const size = won?.tally.quorums[0]?.voters.length ?? null;
      return {
        node: n,
        tone: 'election',
        text:
          votes === null
            ? both(
                `${n} won votes from a majority and became leader of term ${e.term}: it sends AppendEntries to all at once`,
                `${n}가 과반수의 표를 얻어 임기 ${e.term}의 리더가 됨: 곧바로 모두에게 AppendEntries를 보냄`,
              )
            : both(
                `${n} won the election of term ${e.term} with ${votes.length} of ${size} votes (${list(votes)}) and became leader: it sends AppendEntries to all at once`,
                `${n}가 임기 ${e.term} 선거에서 ${size}표 중 ${votes.length}표(${list(votes)})를 얻어 리더가 됨: 곧바로 모두에게 AppendEntries를 보냄`,
              ),
        rules: ['candidate.win', 'leader.announce'],
        section: '§3.2',
        source: { paper: '§5.2' },
        ...(won ? { check: tallyCheck(won.tally, both('leader', '리더')) } : {}),
      };
    }
    if (e.to !== 'follower') return null; // Becoming a (pre-)candidate is told by electionStarted.
    // A higher term and a lost quorum tell their own step-down.
    if (at.step.events(n, 'termChanged').length > 0 || at.step.events(n, 'steppedDown').length > 0) return null;
    if (e.from !== 'candidate' && e.from !== 'preCandidate') return null;
    // The leader it heard, when the same step names it (an append or a commit it sent).
    const leader =
      at.step.events(n, 'entriesAppended')[0]?.leader ??
      at.step.events(n, 'commitAdvanced').find((c) => c.by === 'leaderCommit')?.leader ??
      null;
    return {
      node: n,
      tone: 'election',
      text: both(
        `${n}, ${e.from === 'candidate' ? 'candidate' : 'pre-candidate'} in term ${e.term}, heard AppendEntries from ${leader ? `${leader}, ` : ''}a leader of the same term: someone else won, so it becomes follower`,
        `임기 ${e.term}의 ${e.from === 'candidate' ? '후보' : '사전 후보'} ${n}가 같은 임기의 리더${leader ? ` ${leader}` : ''}에게서 AppendEntries를 받음: 다른 노드가 이겼으므로 팔로워가 됨`,
      ),
      rules: ['candidate.leaderSeen'],
      section: '§3.2',
      source: { paper: '§5.2' },
      check: both(
        `AppendEntries term ${e.term} ≥ currentTerm ${e.term}? yes → follower`,
        `AppendEntries 임기 ${e.term} ≥ currentTerm ${e.term}? 예 → 팔로워`,
      ),
    };
  },

  electionStarted(e, at) {
    const n = at.node;
    const peers = e.voters.filter((v) => v !== n);
    const asked = peers.length > 0;
    if (e.preVote) {
      const why =
        e.cause === 'forced'
          ? both(`The class fired ${n}'s election timer`, `수업에서 ${n}의 선거 타이머를 발동함`)
          : both(`${n}'s election timeout fired`, `${n}의 선거 타임아웃이 만료됨`);
      return {
        node: n,
        tone: 'election',
        text: both(
          `${why.en}: before raising its term it asks ${asked ? list(peers) : 'no one'} whether they would vote for it in term ${e.term} (pre-vote: its term stays ${e.term - 1})`,
          `${why.ko}: 임기를 올리기 전에 ${asked ? `${list(peers)}에게` : ''} 임기 ${e.term}에서 자신에게 투표할지 물어봄 (사전 투표: 임기는 ${e.term - 1} 그대로)`,
        ),
        rules: ['opt.preVote'],
        section: '§6.2',
        source: { thesis: '§9.6' },
      };
    }
    const from = e.term - 1;
    const start: Localized =
      e.cause === 'preVoteWon'
        ? both(`${n} won the pre-vote`, `${n}가 사전 투표를 통과함`)
        : e.cause === 'forced'
          ? both(`The class fired ${n}'s election timer`, `수업에서 ${n}의 선거 타이머를 발동함`)
          : e.cause === 'transfer'
            ? both(`${n} was asked to take over leadership`, `${n}가 리더십을 넘겨받으라는 요청을 받음`)
            : both(`${n}'s election timeout fired in term ${from}`, `임기 ${from}에서 ${n}의 선거 타임아웃이 만료됨`);
    const readings: Reading[] = [
      {
        node: n,
        tone: 'election',
        text: both(
          `${start.en}: it became candidate for term ${e.term}, voted for itself${asked ? ` and asked ${list(peers)} for votes` : ''}`,
          `${start.ko}: 임기 ${e.term}의 후보가 되어 자신에게 투표하고 ${asked ? `${list(peers)}에게 ` : ''}투표를 요청함`,
        ),
        rules: e.cause === 'preVoteWon' ? ['opt.preVote', 'candidate.start'] : ['follower.timeout', 'candidate.start'],
        section: '§3.2',
        source: { paper: '§5.2' },
        check:
          e.cause === 'preVoteWon'
            ? both(
                `pre-votes from a majority → currentTerm ${from} + 1 = ${e.term}, votedFor = ${n}`,
                `과반수의 사전 투표 → currentTerm ${from} + 1 = ${e.term}, votedFor = ${n}`,
              )
            : both(
                `no AppendEntries from a leader and no vote granted before the timeout → currentTerm ${from} + 1 = ${e.term}, votedFor = ${n}`,
                `타임아웃 전에 리더의 AppendEntries도, 투표 허락도 없었음 → currentTerm ${from} + 1 = ${e.term}, votedFor = ${n}`,
              ),
      },
    ];
    // The node did not change role: it was a candidate already, so its last election found no leader (§6.1).
    if (at.step.events(n, 'roleChanged').length === 0)
      readings.push({
        node: n,
        tone: 'election',
        quiet: true,
        text: both(
          `${n}'s previous election (term ${from}) found no leader either: a node that hears from no leader keeps raising its term (now ${e.term})`,
          `${n}의 이전 선거(임기 ${from})도 리더를 찾지 못함: 리더의 소식을 듣지 못하는 노드의 임기는 계속 올라감 (지금 ${e.term})`,
        ),
        rules: ['candidate.start'],
        section: '§6.1',
      });
    return readings;
  },

  voteGranted(e, at) {
    const n = at.node;
    const c = e.check;
    const [ct, ci, mt, mi] = [c.candidateLastLogTerm, c.candidateLastLogIndex, c.voterLastLogTerm, c.voterLastLogIndex];
    const vf = c.votedFor === null || c.votedFor === e.candidate;
    const parts = e.preVote ? [upToDateCheck(c)] : [votedForCheck(c.votedFor, e.candidate, vf), upToDateCheck(c)];
    return {
      node: n,
      tone: 'election',
      text: both(
        `${n} ${e.preVote ? 'would vote' : 'voted'} for ${e.candidate} in term ${e.term}${e.preVote ? ' (pre-vote)' : ''}: ${e.candidate}'s log (last term ${ct}, index ${ci}) is at least as up to date as ${n}'s (term ${mt}, index ${mi})`,
        `${n}가 임기 ${e.term}에서 ${e.candidate}에게 ${e.preVote ? '투표하겠다고 답함 (사전 투표)' : '투표함'}: ${e.candidate}의 로그(마지막 임기 ${ct}, 인덱스 ${ci})가 ${n}의 로그(임기 ${mt}, 인덱스 ${mi})만큼 최신임`,
      ),
      rules: e.preVote ? ['opt.preVote'] : ['rv.votedFor', 'rv.upToDate'],
      section: '§6.3',
      source: e.preVote ? { thesis: '§9.6' } : { paper: '§5.4.1' },
      check: join(parts, GRANT),
      ...(c.candidateUpToDate
        ? {}
        : {
            unsafe: both(
              'granted anyway: noElectionRestriction is on (unsafe)',
              '그래도 투표함: noElectionRestriction이 켜져 있음 (안전하지 않음)',
            ),
          }),
    };
  },

  voteRefused(e, at) {
    const n = at.node;
    const c = e.check;
    const cand = e.candidate;
    const vote = both(e.preVote ? 'a pre-vote' : 'to vote', e.preVote ? '사전 투표' : '투표');
    const source = e.preVote ? { thesis: '§9.6' } : ('Figure 2' as const);
    switch (e.reason) {
      case 'stale-term': {
        const my = c.voterTerm;
        return {
          node: n,
          tone: 'election',
          text: both(
            `${n} refused ${vote.en} for ${cand}: the request's term ${e.term} is ${e.preVote ? `not above ${n}'s ${my}` : `older than ${n}'s ${my}`}`,
            `${n}가 ${cand}의 ${vote.ko} 요청을 거부함: 요청의 임기 ${e.term}${iga(e.term)} ${n}의 임기 ${my}보다 ${e.preVote ? '높지 않음' : '낮음'}`,
          ),
          rules: e.preVote ? ['opt.preVote'] : ['rv.stale'],
          section: '§3.2',
          source,
          check: e.preVote
            ? join(
                [
                  both(
                    `pre-vote term ${e.term} > currentTerm ${my}? no`,
                    `사전 투표 임기 ${e.term} > currentTerm ${my}? 아니요`,
                  ),
                ],
                REFUSE,
              )
            : join([both(`term ${e.term} < currentTerm ${my}? yes`, `임기 ${e.term} < currentTerm ${my}? 예`)], REFUSE),
        };
      }
      case 'already-voted':
        return {
          node: n,
          tone: 'election',
          text: both(
            `${n} refused to vote for ${cand} in term ${e.term}: it already voted for ${c.votedFor ?? 'someone'} (one vote per term)`,
            `${n}가 임기 ${e.term}에서 ${cand}에게 투표를 거부함: 이미 ${c.votedFor ?? '다른 노드'}에게 투표함 (임기마다 한 표)`,
          ),
          rules: ['rv.votedFor'],
          section: '§3.2',
          source,
          check: join([votedForCheck(c.votedFor, cand, false)], REFUSE),
        };
      case 'log-not-up-to-date': {
        const [ct, ci, mt, mi] = [
          c.candidateLastLogTerm,
          c.candidateLastLogIndex,
          c.voterLastLogTerm,
          c.voterLastLogIndex,
        ];
        return {
          node: n,
          tone: 'election',
          text:
            ct !== mt
              ? both(
                  `${n} refused ${vote.en} for ${cand}: ${cand}'s last log term ${ct} is older than ${n}'s ${mt}`,
                  `${n}가 ${cand}에게 ${vote.ko}를 거부함: ${cand}의 마지막 로그 임기 ${ct}${iga(ct)} ${n}의 ${mt}보다 오래됨`,
                )
              : both(
                  `${n} refused ${vote.en} for ${cand}: ${cand}'s log (term ${ct}) ends at index ${ci}, before ${n}'s ${mi}`,
                  `${n}가 ${cand}에게 ${vote.ko}를 거부함: ${cand}의 로그(임기 ${ct})는 인덱스 ${ci}에서 끝나 ${n}의 ${mi}보다 짧음`,
                ),
          rules: e.preVote ? ['opt.preVote', 'rv.upToDate'] : ['rv.upToDate'],
          section: '§6.3',
          source: e.preVote ? { thesis: '§9.6' } : { paper: '§5.4.1' },
          check: join([upToDateCheck(c)], REFUSE),
        };
      }
      case 'leader-alive':
        // Dissertation §4.2.3 (checkQuorum, or lease reads): an ordinary RequestVote is ignored too.
        if (!e.preVote)
          return {
            node: n,
            tone: 'election',
            text: both(
              `${n} refused to vote for ${cand} in term ${e.term}: it heard from a leader less than an election timeout ago, so it ignores the request and keeps its term`,
              `${n}가 ${cand}에게 임기 ${e.term}의 투표를 거부함: 선거 타임아웃보다 짧은 시간 안에 리더의 소식을 들었으므로 요청을 무시하고 임기를 유지함`,
            ),
            rules: [],
            section: '§6.2',
            source: { thesis: '§4.2.3' },
            check: join(
              [both('leader heard within the election timeout? yes', '선거 타임아웃 안에 리더의 소식을 들음? 예')],
              REFUSE,
            ),
          };
        return {
          node: n,
          tone: 'election',
          text: both(
            `${n} refused a pre-vote to ${cand}: it still hears from a leader, so it sees no reason for an election`,
            `${n}가 ${cand}의 사전 투표를 거부함: 아직 리더의 소식을 듣고 있어 선거할 이유가 없음`,
          ),
          rules: ['opt.preVote'],
          section: '§6.2',
          source: { thesis: '§9.6' },
          check: join([both('leader still heard? yes', '리더가 살아 있음? 예')], REFUSE),
        };
    }
  },

  voteCounted(e, at) {
    const n = at.node;
    const t = e.tally;
    // A win is told by what it leads to: the election after a pre-vote, the leadership after a vote.
    if (t.result === 'won') return null;
    const kind = both(e.preVote ? 'pre-vote' : 'vote', e.preVote ? '사전 투표' : '투표');
    const who = e.voter === n ? both('its own', '자신의') : both(`${e.voter}'s`, `${e.voter}의`);
    const needed = t.quorums.map((q) => q.needed).join(' + ');
    if (t.result === 'lost')
      return {
        node: n,
        tone: 'election',
        text: both(
          `${n} can no longer win the ${kind.en} of term ${e.term}: ${list(t.refused)} refused (a majority needs ${needed}); it waits for its timer`,
          `${n}는 임기 ${e.term}의 ${kind.ko}에서 더 이상 이길 수 없음: ${list(t.refused)}${t.refused.length > 0 ? '가' : ''} 거부함 (과반수 ${needed}표 필요). 타이머를 기다림`,
        ),
        rules: e.preVote ? ['opt.preVote'] : ['candidate.win'],
        section: '§3.1',
        source: { paper: '§5.2' },
        check: tallyCheck(t, both('no leader this round', '이번 선거에서는 리더 없음')),
      };
    return {
      node: n,
      tone: 'election',
      quiet: true,
      text: both(
        `${n} counted ${who.en} ${kind.en} (${e.granted ? 'granted' : 'refused'}): granted so far ${list(t.granted) || 'none'}`,
        `${n}가 ${who.ko} ${kind.ko}를 셈 (${e.granted ? '찬성' : '거부'}): 지금까지 찬성 ${list(t.granted) || '없음'}`,
      ),
      rules: e.preVote ? ['opt.preVote'] : ['candidate.win'],
      section: '§3.2',
      source: { paper: '§5.2' },
      check: tallyCheck(t, both('wait for more votes', '표를 더 기다림')),
    };
  },

  steppedDown(e, at) {
    const n = at.node;
    if (e.reason === 'removed')
      return {
        node: n,
        tone: 'election',
        text: both(
          `${n} is not in C_new, which is now committed: it steps down (§6)`,
          `${n}는 자신이 빠진 C_new가 커밋되어 리더에서 물러남 (§6)`,
        ),
        rules: [],
        section: '§3',
        source: { paper: '§6' },
      };
    return {
      node: n,
      tone: 'election',
      text: both(
        `${n} heard from no majority during an election timeout (checkQuorum): it steps down to follower`,
        `${n}가 선거 타임아웃 동안 과반수의 응답을 듣지 못함 (checkQuorum): 팔로워로 물러남`,
      ),
      rules: ['opt.checkQuorum'],
      section: '§5',
      source: { thesis: '§6.2' },
    };
  },
};
