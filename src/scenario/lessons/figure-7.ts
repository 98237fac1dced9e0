import type { LogEntry } from '../../raft/types';
import type { Lesson } from '../narration';

/** A log written as its terms, as Figure 7 of the Raft paper draws it. */
function log(...terms: number[]): Pick<LogEntry, 'term' | 'command'>[] {
  return terms.map((term, i) => ({ term, command: `set x ${i + 1}` }));
}

// Figure 7 of the paper: A is the leader-to-be of term 8, B–G are followers (a)–(f). A is made to
// time out at 10 ms; (a), (b), (e) and (f) vote for it, (c) and (d) hold logs at least as up to date.
export const figure7: Lesson = {
  id: 'figure-7',
  section: '7.2',
  title: { ko: '충돌 해결: 논문의 Figure 7', en: "Conflict resolution: the paper's Figure 7" },
  summary: {
    ko: '새 리더의 로그와 팔로워들의 로그가 제각각입니다. 리더는 팔로워마다 nextIndex를 줄여 가며 일치 지점을 찾고, 그 뒤의 팔로워 로그를 자신의 로그로 덮어씁니다.',
    en: "The new leader's log and its followers' logs all differ. For each follower the leader backs nextIndex up until the logs match, then overwrites everything after that point with its own entries.",
  },
  scenario: {
    version: 1,
    seed: 1,
    nodes: 7,
    initial: {
      A: { term: 7, log: log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6) },
      B: { term: 6, log: log(1, 1, 1, 4, 4, 5, 5, 6, 6) },
      C: { term: 4, log: log(1, 1, 1, 4) },
      D: { term: 6, log: log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6) },
      E: { term: 7, log: log(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7) },
      F: { term: 4, log: log(1, 1, 1, 4, 4, 4, 4) },
      G: { term: 3, log: log(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3) },
    },
    actions: [
      { at: 10, do: 'timeout', node: 'A' },
      { at: 300, do: 'submit', command: 'set y 8', node: 'A' },
    ],
  },
  beats: [
    {
      at: 5,
      caption: {
        ko: 'A의 로그는 1 1 1 4 4 5 5 6 6 6입니다. B~G는 논문의 (a)~(f)입니다. 어떤 팔로워는 엔트리가 모자라고, 어떤 팔로워는 A에게 없는 엔트리를 가지고 있습니다.',
        en: "A's log is 1 1 1 4 4 5 5 6 6 6. B to G are the paper's followers (a) to (f): some miss entries, some hold entries A never had.",
      },
      focus: { nodes: ['A'] },
      question: {
        prompt: {
          ko: 'G (논문의 f: 1 1 1 2 2 2 3 3 3 3 3)의 엔트리 중 몇 개가 덮어써질까요?',
          en: "How many of G's entries ((f) in the paper: 1 1 1 2 2 2 3 3 3 3 3) will be overwritten?",
        },
        choices: [
          { ko: '0개', en: 'None' },
          { ko: '3개 (9~11번)', en: 'Three (indexes 9–11)' },
          { ko: '8개 (4~11번)', en: 'Eight (indexes 4–11)' },
        ],
        answer: 2,
        reveal: {
          ko: 'G의 로그는 3번까지만 A와 일치합니다. 4번부터는 A에 없는 임기 2, 3의 엔트리이므로 모두 지워지고 A의 엔트리로 바뀝니다.',
          en: "G's log matches A's only up to index 3. From index 4 on it holds term 2 and 3 entries A never had: all are removed and replaced by A's.",
        },
      },
    },
    {
      at: 45,
      caption: {
        ko: 'A가 임기 8의 리더가 되었습니다. B, C, F, G가 투표했고, D와 E는 자신의 로그가 더 최신이라 거부했습니다. 7대 중 5표면 충분합니다.',
        en: 'A leads term 8 with votes from B, C, F and G; D and E refused because their logs are more up to date. Five of seven is plenty.',
      },
      focus: { nodes: ['A', 'D', 'E'] },
    },
    {
      at: 62,
      caption: {
        ko: '첫 AppendEntries(prevLogIndex 10, prevLogTerm 6)를 B, C, F, G가 거부했습니다. 10번 엔트리가 없거나 임기가 다르기 때문입니다.',
        en: 'B, C, F and G refused the first AppendEntries (prevLogIndex 10, prevLogTerm 6): they lack entry 10 or hold a different term there.',
      },
      watch: { ko: '거부 응답들', en: 'the refusals' },
    },
    {
      at: 150,
      caption: {
        ko: 'Backtracking: A는 거부될 때마다 그 팔로워의 nextIndex를 하나씩 줄여 다시 보냅니다. B는 이미 따라잡았고, 나머지는 일치 지점을 찾는 중입니다.',
        en: "Backtracking: after each refusal A lowers that follower's nextIndex by one and retries. B has caught up; the others are still looking for the matching point.",
      },
      watch: { ko: 'A의 nextIndex 표', en: "A's nextIndex for each follower" },
    },
    {
      at: 270,
      caption: {
        ko: 'Overwriting: 일치 지점을 찾은 F와 G는 그 뒤의 엔트리가 지워지고 A의 엔트리로 채워졌습니다. D와 E의 11번 이후 엔트리는 아직 남아 있습니다.',
        en: "Overwriting: F and G found the matching point; everything after it was removed and replaced with A's entries. D and E still hold their extra entries from index 11.",
      },
      focus: { nodes: ['F', 'G'] },
    },
    {
      at: 350,
      caption: {
        ko: 'A가 임기 8의 새 명령을 11번에 추가해 복제하자 D와 E의 11번 이후 엔트리도 덮어써졌습니다. 이 엔트리가 과반수에 복제되어 커밋되면서 그 앞의 엔트리도 모두 커밋되었습니다. 이제 모든 로그가 같습니다.',
        en: "A appended a term-8 command at index 11; replicating it overwrote D's and E's extra entries. When it committed on a majority, every entry before it committed too. All logs are now the same.",
      },
      focus: { indexes: [11] },
    },
  ],
};
