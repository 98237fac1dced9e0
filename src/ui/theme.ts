// One palette for the whole UI, so a role or a term has the same colour everywhere.
// Colour is never the only cue: roles also have a label and a shape.

import type { Role } from '../raft/types';

export const ROLE_COLOR: Record<Role | 'dead', string> = {
  follower: '#64748b',
  preCandidate: '#a16207',
  candidate: '#d97706',
  leader: '#1d4ed8',
  dead: '#9ca3af',
};

/** Eight well-separated hues (Okabe–Ito-like, readable by colour-blind students), cycled by term. */
const TERM_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8a7a00', '#6a3d9a'];

export function termColor(term: number): string {
  return TERM_COLORS[(Math.max(term, 1) - 1) % TERM_COLORS.length]!;
}

/** Message colours by RPC kind. */
export const MESSAGE_COLOR = {
  RequestVote: '#d97706',
  voteGranted: '#16a34a',
  voteRefused: '#dc2626',
  heartbeat: '#94a3b8',
  AppendEntries: '#1d4ed8',
  appendOk: '#0891b2',
  appendRefused: '#be123c',
  ClientRequest: '#7c3aed',
  ClientReply: '#9333ea',
} as const;
