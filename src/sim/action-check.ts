// What the simulator checks of a live action before taking a step for it. Actions from the UI
// arrive typed through the worker protocol, so this is not a validator of untrusted JSON (that is
// src/scenario's job at the edges); it catches an action that names no node of this cluster or
// carries a number no message id or rate can be, so a malformed action is refused without a step.
// Naming a node that is not in this cluster (F of three) is well formed: the simulation refuses it
// as a step, with its reason in the trace.

import { NODE_NAMES, READ_MODES, type ActionKind } from './scenario-types';

/** Longest client command, as a scenario file allows. */
export const MAX_COMMAND_LENGTH = 200;
/** Longest timer a live action may set: one virtual day, as every time in a scenario (bounds.ts MAX_TIME). */
export const MAX_TIMER_MS = 86_400_000;

/** A node's clock rate: from ten times slower to ten times faster than real time. */
export const MIN_CLOCK_RATE = 0.1;
export const MAX_CLOCK_RATE = 10;

type Loose = { readonly do: ActionKind } & Readonly<Record<string, unknown>>;

/** Why the action is malformed, or undefined when it is well formed. */
export function malformedAction(action: { readonly do: ActionKind }): string | undefined {
  const a = action as Loose;
  const isNode = (v: unknown): boolean => typeof v === 'string' && (NODE_NAMES as readonly string[]).includes(v);
  const noNode = (field: string): string => `${field}: a node is named by one letter A–I`;
  const rate = (v: unknown): boolean => v === undefined || (typeof v === 'number' && v >= 0 && v <= 1);
  switch (a.do) {
    case 'kill':
    case 'restart':
    case 'snapshot':
    case 'isolate':
    case 'restore':
    case 'timeout':
    case 'heartbeat':
      return isNode(a.node) ? undefined : noNode('node');
    case 'submit':
      if (typeof a.command !== 'string' || a.command.length > MAX_COMMAND_LENGTH)
        return `command: text of at most ${MAX_COMMAND_LENGTH} characters`;
      return a.node === undefined || isNode(a.node) ? undefined : noNode('node');
    case 'cut':
    case 'mend':
      if (!isNode(a.from)) return noNode('from');
      if (!isNode(a.to)) return noNode('to');
      return a.from === a.to ? 'to: a link joins two different nodes' : undefined;
    case 'partition': {
      const groups = a.groups;
      if (!Array.isArray(groups) || groups.length < 2) return 'groups: at least two groups';
      for (const group of groups as unknown[]) {
        if (!Array.isArray(group) || group.length === 0 || !group.every(isNode))
          return 'groups: each group lists nodes A–I';
      }
      return undefined;
    }
    case 'network': {
      if (!rate(a.dropRate)) return 'dropRate: a probability from 0 to 1';
      if (!rate(a.duplicateRate)) return 'duplicateRate: a probability from 0 to 1';
      const latency = a.latency;
      if (
        latency !== undefined &&
        !(Array.isArray(latency) && latency.length === 2 && latency.every((x) => Number.isFinite(x) && x >= 0))
      )
        return 'latency: two times in ms';
      return undefined;
    }
    case 'drop':
    case 'deliver':
    case 'duplicate':
      return Number.isInteger(a.message) && (a.message as number) >= 0 ? undefined : 'message: a message id';
    case 'setTimeout':
      if (!isNode(a.node)) return noNode('node');
      return typeof a.ms === 'number' && Number.isFinite(a.ms) && a.ms >= 0 && a.ms <= MAX_TIMER_MS
        ? undefined
        : `ms: a time from 0 to ${MAX_TIMER_MS} ms`;
    case 'setOptions': {
      const options = (a.options ?? {}) as Readonly<Record<string, unknown>>;
      for (const key of ['snapshotThreshold', 'snapshotChunk']) {
        const v = options[key];
        if (v !== undefined && !(Number.isInteger(v) && (v as number) >= (key === 'snapshotChunk' ? 1 : 0)))
          return `options.${key}: a whole number${key === 'snapshotChunk' ? ' of at least 1' : ' of at least 0'}`;
      }
      const reads = options.reads;
      return reads === undefined || (READ_MODES as readonly unknown[]).includes(reads)
        ? undefined
        : 'options.reads: one of "log", "readIndex", "lease"';
    }
    case 'change': {
      const list = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.every(isNode));
      if (!list(a.add)) return 'add: a list of nodes A–I';
      if (!list(a.remove)) return 'remove: a list of nodes A–I';
      const add = (a.add ?? []) as string[];
      const remove = (a.remove ?? []) as string[];
      if (add.length + remove.length === 0) return 'add: a change adds or removes at least one node';
      const both = add.find((id) => remove.includes(id));
      return both === undefined ? undefined : `remove: "${both}" is both added and removed`;
    }
    case 'heal':
      return undefined;
    case 'transfer':
      return isNode(a.to) ? undefined : noNode('to');
    case 'clock':
      if (!isNode(a.node)) return noNode('node');
      return typeof a.rate === 'number' && a.rate >= MIN_CLOCK_RATE && a.rate <= MAX_CLOCK_RATE
        ? undefined
        : `rate: a number from ${MIN_CLOCK_RATE} to ${MAX_CLOCK_RATE}`;
  }
}
