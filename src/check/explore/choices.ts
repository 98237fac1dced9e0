// What can happen next, from one state of an exploration: every choice a scheduler, a faulty
// network or the class could make while time stands still. Each is an ordinary manual-delivery
// action, so a path of choices is a scenario the runner replays and a link can share.

import type { Configuration } from '../../raft/types';
import type { Action } from '../../sim/scenario-types';
import type { ExplorationView } from '../../sim/simulation';
import { CLIENT } from '../../sim/types';
import type { Budget } from './bounds';
import { heldByLease } from './lease-clock';

export interface Choice {
  readonly action: Action;
  /** The budget this choice spends one of, if any. */
  readonly spends?: keyof Budget;
}

// Choices are immutable, so each is made once and shared by every state that offers it: an
// exploration offers millions, and making them was a good part of its allocation.
const byMessage = { deliver: [] as Choice[], drop: [] as Choice[], duplicate: [] as Choice[] };
const byNode = new Map<string, Partial<Record<'timeout' | 'heartbeat' | 'kill' | 'restart', Choice>>>();
const submits = new Map<string, Choice[]>();
const changes = new Map<string, Choice>();
const reads = new Map<string, Choice>();
const fastTimeouts = new Map<string, Choice>();

function messageChoice(kind: 'deliver' | 'drop' | 'duplicate', id: number): Choice {
  const made = byMessage[kind];
  return (made[id] ??= {
    action: { at: 0, do: kind, message: id },
    ...(kind === 'duplicate' ? { spends: 'duplicates' as const } : {}),
  });
}

const SPENDS = { timeout: undefined, heartbeat: 'heartbeats', kill: 'crashes', restart: 'restarts' } as const;

function nodeChoice(kind: 'timeout' | 'heartbeat' | 'kill' | 'restart', node: string): Choice {
  let made = byNode.get(node);
  if (made === undefined) byNode.set(node, (made = {}));
  const spends = SPENDS[kind];
  return (made[kind] ??= { action: { at: 0, do: kind, node }, ...(spends ? { spends } : {}) });
}

/**
 * A follower's election timer run out early by a clock faster than a lease assumed (lease-clock.ts):
 * the same `timeout` action the runner replays, but it spends a tick.
 */
function fastTimeoutChoice(node: string): Choice {
  let made = fastTimeouts.get(node);
  if (made === undefined) {
    made = { action: { at: 0, do: 'timeout', node }, spends: 'ticks' };
    fastTimeouts.set(node, made);
  }
  return made;
}

/** The key every explored write sets (to 1, 2, … in submission order) and every read gets. */
export const WRITTEN_KEY = 'x';

function submitChoice(node: string, writesDone: number): Choice {
  let made = submits.get(node);
  if (made === undefined) submits.set(node, (made = []));
  const command = `set ${WRITTEN_KEY} ${writesDone + 1}`;
  return (made[writesDone] ??= { action: { at: 0, do: 'submit', command, node }, spends: 'writes' });
}

/** A read of the key the writes set, sent to `node` (any node: unsafe local reads answer anywhere). */
function readChoice(node: string): Choice {
  let made = reads.get(node);
  if (made === undefined) {
    made = { action: { at: 0, do: 'submit', command: `get ${WRITTEN_KEY}`, node }, spends: 'reads' };
    reads.set(node, made);
  }
  return made;
}

function changeChoice(add: readonly string[], remove: readonly string[]): Choice {
  const name = `${add.join(',')}-${remove.join(',')}`;
  let made = changes.get(name);
  if (made === undefined) {
    made = { action: { at: 0, do: 'change', add: [...add], remove: [...remove] }, spends: 'changes' };
    changes.set(name, made);
  }
  return made;
}

/** Every pair of distinct items, each pair in list order. */
function pairs(items: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) out.push([items[i]!, items[j]!]);
  return out;
}

/**
 * The administrator's requests a leader's configuration suggests (§6): add one spare or remove one
 * voter, and the same two at a time. Two-server changes are what single mode refuses and
 * `unsafe.directMembershipChange` lets through (Figure 10), so the safe and unsafe runs of one
 * bound explore the same requests. A change never removes every voter (the scenario refuses that).
 * Computed from the state, not from the scenario, so that renaming nodes renames the choices too
 * (symmetry reduction stays sound).
 */
function changesFor(
  configuration: Configuration,
  nodeIds: readonly string[],
  out: Choice[],
  count: number,
  offered: Set<Choice>,
): number {
  const inConfig = new Set([...configuration.voters, ...(configuration.old ?? [])]);
  const spares = nodeIds.filter((id) => !inConfig.has(id));
  const voters = nodeIds.filter((id) => configuration.voters.includes(id));
  const offer = (choice: Choice): void => {
    if (offered.has(choice)) return;
    offered.add(choice);
    out[count++] = choice;
  };
  for (const id of spares) offer(changeChoice([id], []));
  if (voters.length > 1) for (const id of voters) offer(changeChoice([], [id]));
  for (const two of pairs(spares)) offer(changeChoice(two, []));
  if (voters.length > 2) for (const two of pairs(voters)) offer(changeChoice([], two));
  return count;
}

/** What choicesFrom needs of a message and of a node. */
type OfferedMessage = Pick<ExplorationView['inFlight'][number], 'id' | 'from' | 'to' | 'lost'>;
type OfferedNode = Pick<ExplorationView['nodes'][number], 'state'>;

/**
 * Every choice from a state, given what is left of each budget, written into `out` from index 0;
 * returns how many (what `out` held past them is left there: the explorer reuses one array, and
 * emptying an array gives its storage away). The explorer's lean states hold messages and nodes
 * in other shapes: `message` and `node` read them, so nothing is copied.
 */
export function fillChoices<M, N>(
  out: Choice[],
  messages: readonly M[],
  message: (m: M) => OfferedMessage,
  nodes: readonly N[],
  node: (n: N) => OfferedNode,
  nodeIds: readonly string[],
  left: Budget,
  writesDone: number,
  drops: boolean,
): number {
  let count = 0;
  // Only looked at when changes are explored (made then, so other explorations allocate nothing).
  const leaders: Configuration[] | null = left.changes > 0 ? [] : null;
  for (const item of messages) {
    const m = message(item);
    out[count++] = messageChoice('deliver', m.id);
    // A lost message dies on arrival anyway; client messages travel outside the nodes' network.
    if (m.lost || m.from === CLIENT || m.to === CLIENT) continue;
    if (drops) out[count++] = messageChoice('drop', m.id);
    if (left.duplicates > 0) out[count++] = messageChoice('duplicate', m.id);
  }
  for (let i = 0; i < nodes.length; i++) {
    const s = node(nodes[i]!).state;
    const id = nodeIds[i]!;
    if (s === null) {
      if (left.restarts > 0) out[count++] = nodeChoice('restart', id);
      continue;
    }
    if (s.role === 'leader') {
      if (left.heartbeats > 0) out[count++] = nodeChoice('heartbeat', id);
      // A write goes to a node that believes it leads: sent elsewhere it would only be redirected.
      if (left.writes > 0) out[count++] = submitChoice(id, writesDone);
      leaders?.push(s.configuration);
    } else if (!heldByLease(nodes, node, nodeIds, i)) {
      // §5.2: a follower or candidate whose election timer fires starts an election (or a pre-vote).
      out[count++] = nodeChoice('timeout', id);
    } else if (left.ticks > 0) {
      // §6.4.1: while its leader's lease holds, only a fast clock runs this follower's timer out.
      out[count++] = fastTimeoutChoice(id);
    }
    // A read may go to any live node: a follower or a deposed leader must refuse or redirect it.
    if (left.reads > 0) out[count++] = readChoice(id);
    if (left.crashes > 0) out[count++] = nodeChoice('kill', id);
  }
  // A change goes to whichever node the client believes leads, so it is offered once per distinct
  // request, whatever leader's configuration suggested it.
  if (leaders !== null && leaders.length > 0) {
    const offered = new Set<Choice>();
    for (const configuration of leaders) count = changesFor(configuration, nodeIds, out, count, offered);
  }
  return count;
}

const same = <T>(x: T): T => x;

/** Every choice from a state of the Simulation (the reference explorer). */
export function choicesFrom(
  view: Pick<ExplorationView, 'nodes' | 'inFlight'>,
  left: Budget,
  writesDone: number,
  drops = true,
): Choice[] {
  const ids = view.nodes.map((n) => n.id);
  const out: Choice[] = [];
  fillChoices(out, view.inFlight, same, view.nodes, same, ids, left, writesDone, drops);
  return out;
}
