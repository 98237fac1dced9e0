// Snapshots (§7) and InstallSnapshot (Figure 13): one reading per snapshot event, worded by the
// phrase tables in snapshot-phrases.ts and citing Figure 13's receiver rules by number. The
// course notes stop before the paper's §7; the nearest sections are §4 (what is applied) and §7.2
// (repairing a follower's log).

import type { InstallSnapshot, InstallSnapshotReply, NodeId, SnapshotEvent } from '../../raft/types';
import { both, type At, type Localized, type NodeEventTable, type Reading } from './reading';
import { explainSnapshot, narrateSnapshot, narrateSnapshotAction, SNAPSHOT_PHRASES } from './snapshot-phrases';

type SnapshotEvents = Pick<NodeEventTable, SnapshotEvent['type']>;

function reading(e: SnapshotEvent, at: At): Reading {
  const en = explainSnapshot(at.node, e, 'en');
  const ko = explainSnapshot(at.node, e, 'ko');
  const unsafe =
    e.type === 'snapshotTaken' && e.index > e.commitIndex
      ? both(
          'unsafe.snapshotUncommitted: the snapshot holds entries that are not committed',
          'unsafe.snapshotUncommitted: 커밋되지 않은 엔트리까지 스냅샷에 담김',
        )
      : undefined;
  return {
    node: at.node,
    tone: 'log',
    text: both(narrateSnapshot(at.node, e, 'en'), narrateSnapshot(at.node, e, 'ko')),
    rules: [],
    section: en.section,
    source: { paper: en.source.replace(/^paper /, '') },
    check: both(en.source, ko.source.replace(/^paper /, '논문 ')),
    ...(unsafe ? { unsafe } : {}),
  };
}

export const SNAPSHOT_EVENTS: SnapshotEvents = {
  snapshotTaken: reading,
  snapshotSkipped: reading,
  snapshotRestored: reading,
  snapshotTransferStarted: reading,
  snapshotChunkReceived: reading,
  snapshotChunkRejected: reading,
  snapshotInstalled: reading,
  snapshotIgnored: reading,
  snapshotAcknowledged: reading,
};

export function describeSnapshotMessage(m: InstallSnapshot | InstallSnapshotReply): Localized {
  return both(SNAPSHOT_PHRASES.en.message(m), SNAPSHOT_PHRASES.ko.message(m));
}

export function snapshotMessageWhy(from: NodeId, to: NodeId, m: InstallSnapshot | InstallSnapshotReply): Localized {
  const why = (p: (typeof SNAPSHOT_PHRASES)['en']) =>
    m.type === 'InstallSnapshot' ? p.whyChunk(from, to, m) : p.whyReply(from, m);
  return both(why(SNAPSHOT_PHRASES.en), why(SNAPSHOT_PHRASES.ko));
}

export function snapshotActionReading(node: NodeId): Localized {
  return both(narrateSnapshotAction(node, 'en'), narrateSnapshotAction(node, 'ko'));
}
