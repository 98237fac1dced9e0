import { wholeMs } from '../format';
import { defineStrings } from '../i18n';

// Figure 2 as node.ts implements it, short enough to follow while stepping.
export const RULES_STRINGS = defineStrings(
  {
    title: 'Rules (Figure 2)',
    intro: 'The highlighted rule is the one the latest step executed, evaluated on the real values.',
    waiting: 'Step or play to see which rule runs.',
    stepAt: (step: number, ms: number) => `Step ${step} at ${wholeMs(ms)} ms`,
    noRule: 'no rule of Figure 2 ran in this step (a message travelled or was lost)',
    executed: 'executed',
    on: 'on',
    off: 'off',
    broken: (name: string) => `⚠ broken on purpose: ${name} is on (unsafe)`,
    'section.all': 'All servers',
    'section.followers': 'Followers',
    'section.candidates': 'Candidates',
    'section.leaders': 'Leaders',
    'section.rv': 'RequestVote receiver',
    'section.ae': 'AppendEntries receiver',
    'section.options': 'Options (when on)',
    'section.beyond': 'Beyond Figure 2 (dissertation)',
    'all.apply': 'If commitIndex > lastApplied: lastApplied += 1, apply log[lastApplied] to the state machine (§4)',
    'all.higherTerm':
      'If a request or reply carries term T > currentTerm: currentTerm = T, votedFor = null, become follower (§6.2; pre-votes excepted)',
    'all.persist': 'currentTerm, votedFor and log are on disk: they survive a crash and restart',
    'follower.timeout':
      'If the election timeout (150–300 ms) passes without AppendEntries from the current leader and without granting a vote: become candidate (§3.1)',
    'candidate.start':
      'On becoming candidate: currentTerm += 1, vote for self, reset the election timer, send RequestVote to all others (§3.2); if the timer fires again, start a new election',
    'candidate.win': 'If votes from a majority ⌊N/2⌋+1 (own vote included): become leader (§3.2, §5)',
    'candidate.leaderSeen': 'If AppendEntries arrives from a leader of the same term: become follower',
    'leader.announce':
      'On election: nextIndex = last log index + 1 and matchIndex = 0 for each follower; send AppendEntries to all at once',
    'leader.heartbeat':
      'Every heartbeat interval: send each follower AppendEntries with its entries from nextIndex (none = heartbeat)',
    'leader.client':
      'On a client command: append it to the own log (uncommitted), send AppendEntries (§4); a follower refuses clients and names the leader',
    'leader.backup':
      'If a follower refuses (consistency check): nextIndex -= 1 and retry (§7.2); on success: matchIndex, nextIndex = what it confirmed',
    'leader.commit':
      'If N > commitIndex, a majority has matchIndex ≥ N and log[N].term = currentTerm: commitIndex = N (§4, paper §5.4.2)',
    'rv.stale': 'If term < currentTerm: refuse',
    'rv.votedFor': 'If votedFor is null or candidateId,',
    'rv.upToDate':
      "and the candidate's log is at least as up to date (lastLogTerm higher, or equal and lastLogIndex ≥ mine): grant the vote, reset the election timer (§6.3)",
    'ae.stale': 'If term < currentTerm: refuse (the sender learns it is no longer leader)',
    'ae.check':
      'If the log has no entry at prevLogIndex whose term is prevLogTerm: refuse (§7.1); otherwise reset the election timer and follow the sender',
    'ae.conflict':
      'If an existing entry conflicts with a new one (same index, other term): delete it and all after it (§7.2)',
    'ae.append': 'Append any new entries not already in the log',
    'ae.commit':
      'If leaderCommit > commitIndex: commitIndex = min(leaderCommit, index of the last new entry) (§4 step 4)',
    'opt.preVote':
      'preVote: on timeout, first ask "would you vote for me in term+1?" without raising the term; voters refuse if that term is not above theirs, if they still hear a leader, or if the log is older; a majority of yeses starts the real election (thesis §9.6)',
    'opt.checkQuorum': 'checkQuorum: a leader that heard from no majority during an election timeout steps down',
    'opt.leaderNoop':
      'leaderNoop: a new leader appends an empty entry of its own term, so earlier entries commit with it',
    'opt.fastBackup':
      'fastBackup: a refusal carries the conflicting term and its first index; the leader skips the whole term instead of one index',
    'ext.transfer':
      'Leadership transfer: the leader stops taking commands, brings the target up to date, sends it TimeoutNow; the target starts an election at once, and voters grant it even if they heard a leader recently; abort after an election timeout',
    'ext.readIndex':
      'ReadIndex read: with a committed entry of its term, the leader records commitIndex as the read index, confirms it still leads by a heartbeat round a majority acknowledges, and answers once lastApplied ≥ the read index; no log entry',
    'ext.lease':
      'Lease read: while a majority acknowledged a round sent within election timeout ÷ clock drift bound, the leader answers without a new round (no other leader can have been elected)',
  },
  {
    title: '규칙 (Figure 2)',
    intro: '강조된 규칙은 가장 최근 단계에서 실행된 규칙이며, 실제 값으로 조건을 계산해 보여줍니다.',
    waiting: '한 단계 실행이나 재생을 누르면 어떤 규칙이 실행되는지 보입니다.',
    stepAt: (step: number, ms: number) => `단계 ${step}, ${wholeMs(ms)} ms`,
    noRule: '이 단계에서는 Figure 2의 규칙이 실행되지 않음 (메시지가 이동했거나 유실됨)',
    executed: '실행됨',
    on: '켜짐',
    off: '꺼짐',
    broken: (name: string) => `⚠ 일부러 깨뜨림: ${name}이(가) 켜져 있음 (안전하지 않음)`,
    'section.all': '모든 서버',
    'section.followers': '팔로워',
    'section.candidates': '후보',
    'section.leaders': '리더',
    'section.rv': 'RequestVote 수신자',
    'section.ae': 'AppendEntries 수신자',
    'section.options': '옵션 (켜져 있을 때)',
    'section.beyond': 'Figure 2 너머 (학위 논문)',
    'all.apply': 'commitIndex > lastApplied이면: lastApplied += 1, log[lastApplied]를 상태 머신에 적용 (§4)',
    'all.higherTerm':
      '요청이나 응답의 임기 T > currentTerm이면: currentTerm = T, votedFor = null, 팔로워가 됨 (§6.2; 사전 투표는 제외)',
    'all.persist': 'currentTerm, votedFor, 로그는 디스크에 저장됨: 장애 후 재시작해도 남음',
    'follower.timeout':
      '현재 리더의 AppendEntries도 없고 투표해 준 적도 없이 선거 타임아웃(150–300 ms)이 지나면: 후보가 됨 (§3.1)',
    'candidate.start':
      '후보가 되면: currentTerm += 1, 자신에게 투표, 선거 타이머 재설정, 다른 모두에게 RequestVote 전송 (§3.2); 타이머가 다시 만료되면 새 선거 시작',
    'candidate.win': '과반수 ⌊N/2⌋+1의 표(자신 포함)를 얻으면: 리더가 됨 (§3.2, §5)',
    'candidate.leaderSeen': '같은 임기의 리더에게서 AppendEntries를 받으면: 팔로워가 됨',
    'leader.announce':
      '당선되면: 팔로워마다 nextIndex = 마지막 로그 인덱스 + 1, matchIndex = 0; 곧바로 모두에게 AppendEntries 전송',
    'leader.heartbeat':
      '하트비트 간격마다: 각 팔로워에게 nextIndex부터의 엔트리를 담은 AppendEntries 전송 (엔트리가 없으면 하트비트)',
    'leader.client':
      '클라이언트 명령을 받으면: 자신의 로그에 추가(미커밋)하고 AppendEntries 전송 (§4); 팔로워는 클라이언트 요청을 거부하고 리더를 알려줌',
    'leader.backup':
      '팔로워가 거부하면(일관성 검사): nextIndex -= 1 후 다시 전송 (§7.2); 성공하면: 확인된 만큼 matchIndex, nextIndex 갱신',
    'leader.commit':
      'N > commitIndex이고 과반수의 matchIndex ≥ N이며 log[N].term = currentTerm이면: commitIndex = N (§4, 논문 §5.4.2)',
    'rv.stale': '임기 < currentTerm이면: 거부',
    'rv.votedFor': 'votedFor가 null이거나 candidateId이고,',
    'rv.upToDate':
      '후보의 로그가 적어도 내 로그만큼 최신이면 (lastLogTerm이 더 높거나, 같고 lastLogIndex ≥ 내 것): 투표하고 선거 타이머 재설정 (§6.3)',
    'ae.stale': '임기 < currentTerm이면: 거부 (보낸 노드는 자신이 더 이상 리더가 아님을 알게 됨)',
    'ae.check':
      'prevLogIndex에 임기가 prevLogTerm인 엔트리가 없으면: 거부 (§7.1); 아니면 선거 타이머를 재설정하고 보낸 노드를 리더로 따름',
    'ae.conflict': '기존 엔트리가 새 엔트리와 충돌하면 (같은 인덱스, 다른 임기): 그 엔트리와 그 뒤를 모두 삭제 (§7.2)',
    'ae.append': '로그에 아직 없는 새 엔트리를 추가',
    'ae.commit':
      'leaderCommit > commitIndex이면: commitIndex = min(leaderCommit, 마지막 새 엔트리의 인덱스) (§4 4단계)',
    'opt.preVote':
      '사전 투표: 타임아웃 시 임기를 올리지 않고 먼저 "임기+1에서 나에게 투표하겠는가?"를 물음; 그 임기가 자신보다 높지 않거나, 아직 리더의 소식을 듣거나, 로그가 더 오래되었으면 거부; 과반수가 찬성하면 실제 선거 시작 (학위논문 §9.6)',
    'opt.checkQuorum': 'checkQuorum: 선거 타임아웃 동안 과반수의 응답을 듣지 못한 리더는 물러남',
    'opt.leaderNoop': 'leaderNoop: 새 리더는 자신의 임기의 빈 엔트리를 추가해 이전 엔트리들이 함께 커밋되게 함',
    'opt.fastBackup':
      'fastBackup: 거부 응답에 충돌 임기와 그 첫 인덱스를 담음; 리더는 한 칸이 아니라 그 임기 전체를 건너뜀',
    'ext.transfer':
      '리더 이양: 리더는 명령 받기를 멈추고 대상의 로그를 따라잡게 한 뒤 TimeoutNow를 보냄; 대상은 곧바로 선거를 시작하고, 투표자는 최근에 리더를 들었어도 표를 줌; 선거 타임아웃 안에 끝나지 않으면 취소',
    'ext.readIndex':
      'ReadIndex 읽기: 자기 임기의 커밋된 엔트리가 있으면 리더는 commitIndex를 읽기 인덱스로 적고, 과반수가 응답한 하트비트 한 바퀴로 아직 리더임을 확인한 뒤, lastApplied ≥ 읽기 인덱스가 되면 답함; 로그 엔트리 없음',
    'ext.lease':
      '리스 읽기: 선거 타임아웃 ÷ 시계 오차 한계 안에 보낸 한 바퀴를 과반수가 응답했다면, 리더는 새 바퀴 없이 답함 (그동안 다른 리더가 뽑힐 수 없음)',
  },
);
