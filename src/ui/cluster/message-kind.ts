// What a message on the wire looks like: its kind decides colour, shape and glyph,
// so no kind is told apart by colour alone. Reads the payload; decides nothing.

import type { WireMessage } from '../../sim/types';
import { MESSAGE_COLOR } from '../theme';

export type MessageKind =
  | 'requestVote'
  | 'preVote'
  | 'voteGranted'
  | 'voteRefused'
  | 'heartbeat'
  | 'append'
  | 'appendOk'
  | 'appendRefused'
  | 'clientRequest'
  | 'clientAnswer'
  | 'clientRedirect'
  | 'installSnapshot'
  | 'snapshotReply'
  /** Thesis §3.10: the leader tells its successor to campaign now. */
  | 'timeoutNow'
  /** A heartbeat that carries a read context (§6.4): its replies confirm the leader for reads. */
  | 'readHeartbeat'
  /** A follower's ReadIndex request or the leader's answer (§6.4). */
  | 'readIndex';

export type MessageShape = 'diamond' | 'circle' | 'square' | 'envelope' | 'pill';

export interface MessageLook {
  readonly kind: MessageKind;
  readonly color: string;
  readonly shape: MessageShape;
  /** A short glyph drawn on the shape. */
  readonly glyph: string;
  /** Dashed outline: a pre-vote round (thesis §9.6) or a redirect. */
  readonly dashed: boolean;
}

export function messageKind(payload: WireMessage): MessageKind {
  switch (payload.type) {
    case 'RequestVote':
      return 'requestVote';
    case 'PreVote':
      return 'preVote';
    case 'RequestVoteReply':
    case 'PreVoteReply':
      return payload.voteGranted ? 'voteGranted' : 'voteRefused';
    case 'AppendEntries':
      if (payload.entries.length > 0) return 'append';
      return payload.readContext === undefined ? 'heartbeat' : 'readHeartbeat';
    case 'AppendEntriesReply':
      return payload.success ? 'appendOk' : 'appendRefused';
    case 'ClientRequest':
      return 'clientRequest';
    case 'ClientReply':
      return payload.success || payload.leaderHint === undefined ? 'clientAnswer' : 'clientRedirect';
    case 'InstallSnapshot':
      return 'installSnapshot';
    case 'InstallSnapshotReply':
      return 'snapshotReply';
    case 'TimeoutNow':
      return 'timeoutNow';
    case 'ReadIndex':
    case 'ReadIndexReply':
      return 'readIndex';
  }
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

export function messageLook(payload: WireMessage): MessageLook {
  const kind = messageKind(payload);
  const preVote = payload.type === 'PreVote' || payload.type === 'PreVoteReply';
  switch (kind) {
    case 'requestVote':
      return { kind, color: MESSAGE_COLOR.RequestVote, shape: 'diamond', glyph: 'V?', dashed: false };
    case 'preVote':
      return { kind, color: MESSAGE_COLOR.RequestVote, shape: 'diamond', glyph: 'P?', dashed: true };
    case 'voteGranted':
      return { kind, color: MESSAGE_COLOR.voteGranted, shape: 'circle', glyph: '✓', dashed: preVote };
    case 'voteRefused':
      return { kind, color: MESSAGE_COLOR.voteRefused, shape: 'circle', glyph: '✗', dashed: preVote };
    case 'heartbeat':
      return { kind, color: MESSAGE_COLOR.heartbeat, shape: 'circle', glyph: '♥', dashed: false };
    case 'append': {
      const count = payload.type === 'AppendEntries' ? payload.entries.length : 0;
      return { kind, color: MESSAGE_COLOR.AppendEntries, shape: 'envelope', glyph: `+${count}`, dashed: false };
    }
    case 'appendOk':
      return { kind, color: MESSAGE_COLOR.appendOk, shape: 'square', glyph: '✓', dashed: false };
    case 'appendRefused':
      return { kind, color: MESSAGE_COLOR.appendRefused, shape: 'square', glyph: '✗', dashed: false };
    case 'clientRequest': {
      const command = payload.type === 'ClientRequest' ? payload.command : '';
      return { kind, color: MESSAGE_COLOR.ClientRequest, shape: 'pill', glyph: clip(command, 10), dashed: false };
    }
    case 'clientAnswer': {
      const ok = payload.type === 'ClientReply' && payload.success;
      return { kind, color: MESSAGE_COLOR.ClientReply, shape: 'pill', glyph: ok ? '✓ ok' : '✗', dashed: false };
    }
    case 'clientRedirect': {
      // A leader handing over names the node to try next, as a follower's hint does.
      const hint = payload.type === 'ClientReply' ? (payload.leaderHint ?? payload.transferringTo) : null;
      return { kind, color: MESSAGE_COLOR.ClientReply, shape: 'pill', glyph: `↪ ${hint ?? '?'}`, dashed: true };
    }
    case 'installSnapshot': {
      // Figure 13: one chunk of the snapshot; the glyph shows which (3/5).
      const progress = payload.type === 'InstallSnapshot' ? `${payload.chunk}/${payload.chunks}` : '';
      return { kind, color: MESSAGE_COLOR.InstallSnapshot, shape: 'envelope', glyph: `▣${progress}`, dashed: false };
    }
    case 'snapshotReply': {
      const installed = payload.type === 'InstallSnapshotReply' && payload.installed;
      return {
        kind,
        color: MESSAGE_COLOR.InstallSnapshot,
        shape: 'square',
        glyph: installed ? '▣✓' : '▣…',
        dashed: false,
      };
    }
    case 'timeoutNow':
      return { kind, color: MESSAGE_COLOR.RequestVote, shape: 'diamond', glyph: '⏰!', dashed: false };
    case 'readHeartbeat': {
      const round = payload.type === 'AppendEntries' ? (payload.readContext ?? 0) : 0;
      return { kind, color: MESSAGE_COLOR.heartbeat, shape: 'circle', glyph: `♥r${round}`, dashed: false };
    }
    case 'readIndex':
      return { kind, color: MESSAGE_COLOR.ClientRequest, shape: 'square', glyph: 'RI', dashed: true };
  }
}

/** The term a Raft message carries, or null for client traffic. */
export function messageTerm(payload: WireMessage): number | null {
  return 'term' in payload ? payload.term : null;
}
