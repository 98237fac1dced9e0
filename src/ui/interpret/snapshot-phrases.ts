// Snapshots (§7) and InstallSnapshot (Figure 13) in plain words, Korean and English: the
// sentence for each snapshot event the engine emits, for each InstallSnapshot on the wire,
// and why the node did it, citing Figure 13's receiver rules by number. The engine events
// carry every value said here; nothing is worked out.

import type { InstallSnapshot, InstallSnapshotReply, NodeId, SnapshotEvent } from '../../raft/types';
import type { Lang } from '../../store/sim-store';

type Of<T extends SnapshotEvent['type']> = Extract<SnapshotEvent, { type: T }>;

interface SnapshotPhrases {
  taken(node: NodeId, e: Of<'snapshotTaken'>): string;
  skipped(node: NodeId, e: Of<'snapshotSkipped'>): string;
  restored(node: NodeId, e: Of<'snapshotRestored'>): string;
  transferStarted(node: NodeId, e: Of<'snapshotTransferStarted'>): string;
  chunkReceived(node: NodeId, e: Of<'snapshotChunkReceived'>): string;
  chunkRejected(node: NodeId, e: Of<'snapshotChunkRejected'>): string;
  installed(node: NodeId, e: Of<'snapshotInstalled'>): string;
  ignored(node: NodeId, e: Of<'snapshotIgnored'>): string;
  acknowledged(node: NodeId, e: Of<'snapshotAcknowledged'>): string;
  forced(node: NodeId): string;
  message(m: InstallSnapshot | InstallSnapshotReply): string;
  whyChunk(from: NodeId, to: NodeId, m: InstallSnapshot): string;
  whyReply(from: NodeId, m: InstallSnapshotReply): string;
}

const EN: SnapshotPhrases = {
  taken: (n, e) =>
    `${n} took a snapshot through index ${e.index} (term ${e.term})${e.cause === 'threshold' ? ' as its threshold was reached' : ''} ` +
    `and discarded ${e.discarded} log ${e.discarded === 1 ? 'entry' : 'entries'}; ${e.kept} kept after it (§7)` +
    (e.index > e.commitIndex ? ` — but only ${e.commitIndex} are committed!` : ''),
  skipped: (n, e) =>
    `${n} has nothing new to snapshot: it applied up to ${e.lastApplied} and its snapshot already covers ${e.snapshotIndex}`,
  restored: (n, e) =>
    `${n} rebuilt its key-value state from its snapshot through index ${e.index} (term ${e.term}); the rest of its log replays as it commits`,
  transferStarted: (n, e) =>
    `${n} needs to send ${e.follower} entry ${e.nextIndex}, but it is inside its snapshot (through ${e.index}): ` +
    `it sends InstallSnapshot instead, in ${e.chunks} ${e.chunks === 1 ? 'chunk' : 'chunks'} (§7)`,
  chunkReceived: (n, e) =>
    e.done
      ? `${n} received the last chunk (${e.chunk}/${e.chunks}) of ${e.leader}'s snapshot through ${e.index}`
      : `${n} wrote chunk ${e.chunk}/${e.chunks} of ${e.leader}'s snapshot at offset ${e.offset} and waits for more (Figure 13, rules 2–4)`,
  chunkRejected: (n, e) =>
    `${n} cannot write the chunk at offset ${e.offset}: it holds ${e.received} characters of that snapshot, so it asks for the rest from there`,
  installed: (n, e) =>
    e.rule === 6
      ? `${n} saved ${e.leader}'s snapshot through ${e.index}; its log already held entry ${e.index} of term ${e.term}, ` +
        `so it kept the ${e.kept} ${e.kept === 1 ? 'entry' : 'entries'} after it (Figure 13, rules 5–6)`
      : `${n} saved ${e.leader}'s snapshot through ${e.index}, discarded its whole log (${e.discarded} ${e.discarded === 1 ? 'entry' : 'entries'}) ` +
        `and reset its key-value state from the snapshot (Figure 13, rules 5, 7, 8)`,
  ignored: (n, e) =>
    `${n} ignored ${e.leader}'s snapshot through ${e.index}: its own snapshot already covers ${e.mySnapshotIndex}, so a stale copy changes nothing (Figure 13, rule 5)`,
  acknowledged: (n, e) =>
    `${n} knows ${e.follower} now holds everything through ${e.index}: it sends AppendEntries from ${e.index + 1}`,
  forced: (n) => `You asked ${n} to take a snapshot now`,
  message: (m) =>
    m.type === 'InstallSnapshot'
      ? `InstallSnapshot chunk ${m.chunk}/${m.chunks} (term ${m.term}, last included ${m.lastIncludedIndex} of term ${m.lastIncludedTerm}, offset ${m.offset}${m.done ? ', done' : ''})`
      : `InstallSnapshot reply (term ${m.term}, ${m.installed ? 'installed' : `holds ${m.received} characters`})`,
  whyChunk: (from, to, m) =>
    `${to}'s nextIndex is inside the prefix ${from} discarded (through ${m.lastIncludedIndex}), so ${from} sends its snapshot, chunk ${m.chunk} of ${m.chunks} (§7, Figure 13)`,
  whyReply: (from, m) =>
    m.installed
      ? `${from} holds the snapshot through ${m.lastIncludedIndex} now and says so`
      : `${from} wrote the chunk and asks for the next, from offset ${m.received} (Figure 13, rule 4)`,
};

const KO: SnapshotPhrases = {
  taken: (n, e) =>
    `${n}이(가) ${e.cause === 'threshold' ? '기준치에 도달해 ' : ''}인덱스 ${e.index}(임기 ${e.term})까지 스냅샷을 찍고 ` +
    `로그 엔트리 ${e.discarded}개를 버렸습니다. 그 뒤 ${e.kept}개는 남깁니다 (§7)` +
    (e.index > e.commitIndex ? ` — 그런데 커밋된 것은 ${e.commitIndex}까지뿐입니다!` : ''),
  skipped: (n, e) =>
    `${n}은(는) 새로 스냅샷할 것이 없습니다: ${e.lastApplied}까지 적용했고 스냅샷이 이미 ${e.snapshotIndex}까지 담고 있습니다`,
  restored: (n, e) =>
    `${n}이(가) 인덱스 ${e.index}(임기 ${e.term})까지의 스냅샷으로 키-값 상태를 복원했습니다. 나머지 로그는 커밋되는 대로 다시 적용합니다`,
  transferStarted: (n, e) =>
    `${n}은(는) ${e.follower}에게 엔트리 ${e.nextIndex}을(를) 보내야 하지만 그것은 스냅샷(${e.index}까지) 안에 있어 버려졌습니다: ` +
    `대신 InstallSnapshot을 ${e.chunks}개 조각으로 보냅니다 (§7)`,
  chunkReceived: (n, e) =>
    e.done
      ? `${n}이(가) ${e.leader}의 스냅샷(${e.index}까지)의 마지막 조각(${e.chunk}/${e.chunks})을 받았습니다`
      : `${n}이(가) ${e.leader}의 스냅샷 조각 ${e.chunk}/${e.chunks}을(를) 오프셋 ${e.offset}에 쓰고 다음 조각을 기다립니다 (Figure 13 규칙 2–4)`,
  chunkRejected: (n, e) =>
    `${n}은(는) 오프셋 ${e.offset}의 조각을 쓸 수 없습니다: 그 스냅샷을 ${e.received}자까지만 가지고 있어 거기서부터 다시 요청합니다`,
  installed: (n, e) =>
    e.rule === 6
      ? `${n}이(가) ${e.leader}의 스냅샷(${e.index}까지)을 저장했습니다. 로그에 임기 ${e.term}의 엔트리 ${e.index}이(가) 이미 있어 ` +
        `그 뒤 엔트리 ${e.kept}개는 남겼습니다 (Figure 13 규칙 5–6)`
      : `${n}이(가) ${e.leader}의 스냅샷(${e.index}까지)을 저장하고, 로그 전체(엔트리 ${e.discarded}개)를 버린 뒤 ` +
        `키-값 상태를 스냅샷으로 초기화했습니다 (Figure 13 규칙 5, 7, 8)`,
  ignored: (n, e) =>
    `${n}은(는) ${e.leader}의 스냅샷(${e.index}까지)을 무시했습니다: 자기 스냅샷이 이미 ${e.mySnapshotIndex}까지 담고 있어 오래된 사본은 아무것도 바꾸지 않습니다 (Figure 13 규칙 5)`,
  acknowledged: (n, e) =>
    `${n}은(는) ${e.follower}이(가) 이제 ${e.index}까지 모두 가졌음을 압니다: ${e.index + 1}부터 AppendEntries를 보냅니다`,
  forced: (n) => `${n}에게 지금 스냅샷을 찍으라고 했습니다`,
  message: (m) =>
    m.type === 'InstallSnapshot'
      ? `InstallSnapshot 조각 ${m.chunk}/${m.chunks} (임기 ${m.term}, 마지막 포함 ${m.lastIncludedIndex}·임기 ${m.lastIncludedTerm}, 오프셋 ${m.offset}${m.done ? ', 끝' : ''})`
      : `InstallSnapshot 응답 (임기 ${m.term}, ${m.installed ? '설치됨' : `${m.received}자 받음`})`,
  whyChunk: (from, to, m) =>
    `${to}의 nextIndex가 ${from}이(가) 버린 접두부(${m.lastIncludedIndex}까지) 안에 있어, ${from}이(가) 스냅샷 조각 ${m.chunk}/${m.chunks}을(를) 보냅니다 (§7, Figure 13)`,
  whyReply: (from, m) =>
    m.installed
      ? `${from}이(가) 이제 ${m.lastIncludedIndex}까지의 스냅샷을 가졌다고 알립니다`
      : `${from}이(가) 조각을 쓰고 오프셋 ${m.received}부터 다음 조각을 요청합니다 (Figure 13 규칙 4)`,
};

export const SNAPSHOT_PHRASES: Record<Lang, SnapshotPhrases> = { en: EN, ko: KO };

/** The sentence for one snapshot event. */
export function narrateSnapshot(node: NodeId, e: SnapshotEvent, lang: Lang): string {
  const p = SNAPSHOT_PHRASES[lang];
  switch (e.type) {
    case 'snapshotTaken':
      return p.taken(node, e);
    case 'snapshotSkipped':
      return p.skipped(node, e);
    case 'snapshotRestored':
      return p.restored(node, e);
    case 'snapshotTransferStarted':
      return p.transferStarted(node, e);
    case 'snapshotChunkReceived':
      return p.chunkReceived(node, e);
    case 'snapshotChunkRejected':
      return p.chunkRejected(node, e);
    case 'snapshotInstalled':
      return p.installed(node, e);
    case 'snapshotIgnored':
      return p.ignored(node, e);
    case 'snapshotAcknowledged':
      return p.acknowledged(node, e);
  }
}

/** Where the rule comes from, for the "Why?" panel: the paper's section or Figure 13 rules. */
export function snapshotSource(e: SnapshotEvent): string {
  switch (e.type) {
    case 'snapshotChunkReceived':
      return e.done ? 'paper Figure 13, rule 5' : 'paper Figure 13, rules 2–4';
    case 'snapshotChunkRejected':
      return 'paper Figure 13, rule 3';
    case 'snapshotInstalled':
      return e.rule === 6 ? 'paper Figure 13, rules 5–6' : 'paper Figure 13, rules 5, 7–8';
    case 'snapshotIgnored':
      return 'paper Figure 13, rule 5';
    default:
      return 'paper §7';
  }
}

/** The "Why?" panel's entry for a snapshot event: its sentence and the rule it cites. */
export function explainSnapshot(
  node: NodeId,
  e: SnapshotEvent,
  lang: Lang,
): { node: NodeId; rules: []; section: string; source: string; text: string } {
  // The course notes stop before §7 of the paper; the nearest is their §7.2, repairing a follower's log.
  const section = e.type === 'snapshotTaken' || e.type === 'snapshotSkipped' ? '§4' : '§7.2';
  return { node, rules: [], section, source: snapshotSource(e), text: narrateSnapshot(node, e, lang) };
}

export function narrateSnapshotAction(node: NodeId, lang: Lang): string {
  return SNAPSHOT_PHRASES[lang].forced(node);
}
