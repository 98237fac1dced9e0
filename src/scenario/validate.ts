// Turns untrusted input (a file, a link, a test's literal) into a Scenario, or into
// messages that name the field and say what is wrong with it, e.g.
// `actions[2].node: no node "F" in a 5-node cluster`.

import type { z } from 'zod';
import { ELECTION_TIMEOUT_HEARTBEATS, MAX_DEPTH, MIN_ELECTION_TIMEOUT } from './bounds';
import { capErrors, cut, echoKeys, tooDeep } from './bounded-text';
import { migrateScenarioInput } from './migrate';
import { nodeNames, scenarioSchema, type Scenario } from './schema';

export type ScenarioResult =
  { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly errors: string[] };

export interface ValidateOptions {
  /** Links carry normalized scenarios: their actions must already be in time order. */
  readonly requireTimeOrder?: boolean;
}

/** Never throws; at most MAX_LISTED_ERRORS messages (then "and N more"), each of bounded length. */
export function validateScenario(input: unknown, options: ValidateOptions = {}): ScenarioResult {
  // Checked before the schema walks it: hostile nesting gets the field's name, not a stack overflow.
  const deep = tooDeep(input, MAX_DEPTH);
  if (deep !== undefined)
    return { ok: false, errors: [`${cut(deep, 60)}: nested too deeply (at most ${MAX_DEPTH} levels)`] };
  // reportInput keeps the offending value on each issue, so a present but mistyped field is not called missing.
  const parsed = scenarioSchema.safeParse(migrateScenarioInput(input), { reportInput: true });
  if (!parsed.success) return { ok: false, errors: capErrors(parsed.error.issues.map(formatIssue)) };
  const scenario = parsed.data;
  const errors = checkMeaning(scenario, options);
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };
  // Actions run in time order; equal times keep the order they were written in.
  const actions = scenario.actions.map((a, i) => [a, i] as const).sort((x, y) => x[0].at - y[0].at || x[1] - y[1]);
  return { ok: true, scenario: { ...scenario, actions: actions.map(([a]) => a) } };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? cut(String(part)) : `.${cut(String(part))}`;
  }
  return out === '' ? '(scenario)' : out;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field ${echoKeys(issue.keys)}`;
  if (issue.code === 'invalid_union' && issue.path.length > 0) return `${where}: ${issue.message}`;
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `${where}: missing (expected ${issue.expected})`;
  return `${where}: ${cut(issue.message, 120)}`;
}

/** Rules a schema cannot say: names that must exist, ordered logs, ranges. */
function checkMeaning(s: Scenario, options: ValidateOptions): string[] {
  const errors: string[] = [];
  const names = nodeNames(s.nodes);
  const unknown = (id: string): boolean => !names.includes(id);
  const noNode = (id: string): string => `no node "${id}" in a ${s.nodes}-node cluster`;

  for (const [key, value] of [
    ['timing.electionTimeout', s.timing.electionTimeout],
    ['timing.latency', s.timing.latency],
  ] as const) {
    if (value[0] > value[1]) errors.push(`${key}: the minimum ${value[0]} is above the maximum ${value[1]}`);
  }
  const { electionTimeout, heartbeatInterval } = s.timing;
  // Equal or near timers can split the vote every round (§5.2), each round a RequestVote from every
  // node to every other: a floor keeps even endless split votes within the event budget.
  if (electionTimeout[0] < MIN_ELECTION_TIMEOUT)
    errors.push(
      `timing.electionTimeout: the minimum ${electionTimeout[0]} ms must be at least ${MIN_ELECTION_TIMEOUT} ms`,
    );
  // A follower must hear from a live leader before its timer runs out, or elections never end (§5.2).
  if (electionTimeout[0] < ELECTION_TIMEOUT_HEARTBEATS * heartbeatInterval)
    errors.push(
      `timing.electionTimeout: the minimum ${electionTimeout[0]} ms must be at least ${ELECTION_TIMEOUT_HEARTBEATS} × ` +
        `the heartbeat (${ELECTION_TIMEOUT_HEARTBEATS * heartbeatInterval} ms)`,
    );

  // §6: the initial voters are nodes of the cluster, each named once.
  s.members?.forEach((id, i) => {
    if (unknown(id)) errors.push(`members[${i}]: ${noNode(id)}`);
    else if (s.members!.indexOf(id) !== i) errors.push(`members[${i}]: "${id}" is listed twice`);
  });

  for (const [id, init] of Object.entries(s.initial)) {
    init.log.forEach((entry, i) => {
      if (!('config' in entry)) return;
      for (const set of ['voters', 'old'] as const)
        entry.config[set]?.forEach((voter, k, list) => {
          if (unknown(voter)) errors.push(`initial.${id}.log[${i}].config.${set}[${k}]: ${noNode(voter)}`);
          else if (list.indexOf(voter) !== k)
            errors.push(`initial.${id}.log[${i}].config.${set}[${k}]: "${voter}" is listed twice`);
        });
    });
    if (unknown(id)) {
      errors.push(`initial.${id}: ${noNode(id)}`);
      continue;
    }
    if (init.votedFor !== null && unknown(init.votedFor))
      errors.push(`initial.${id}.votedFor: ${noNode(init.votedFor)}`);
    // A log after a snapshot (§7) continues from the snapshot's last term.
    let previous = init.snapshot?.term ?? 0;
    init.log.forEach((entry, i) => {
      if (entry.term < previous) {
        const after = i === 0 && init.snapshot ? `the snapshot's term ${previous}` : String(previous);
        errors.push(`initial.${id}.log[${i}].term: terms in a log never decrease (${entry.term} after ${after})`);
      }
      previous = Math.max(previous, entry.term);
    });
    if (init.term < previous) {
      errors.push(`initial.${id}.term: ${init.term} is older than the term ${previous} of its last log entry`);
    }
  }

  let previousAt = 0;
  s.actions.forEach((action, i) => {
    const at = `actions[${i}]`;
    if (options.requireTimeOrder && action.at < previousAt) {
      errors.push(`${at}.at: ${action.at} ms is before the previous action's ${previousAt} ms`);
    }
    previousAt = Math.max(previousAt, action.at);
    if ('node' in action && action.node !== undefined && unknown(action.node))
      errors.push(`${at}.node: ${noNode(action.node)}`);
    if (action.do === 'cut' || action.do === 'mend') {
      if (unknown(action.from)) errors.push(`${at}.from: ${noNode(action.from)}`);
      if (unknown(action.to)) errors.push(`${at}.to: ${noNode(action.to)}`);
      if (action.from === action.to) errors.push(`${at}.to: a link joins two different nodes`);
    }
    if (action.do === 'transfer' && unknown(action.to)) errors.push(`${at}.to: ${noNode(action.to)}`);
    if (action.do === 'network' && action.latency !== undefined && action.latency[0] > action.latency[1])
      errors.push(`${at}.latency: the minimum ${action.latency[0]} is above the maximum ${action.latency[1]}`);
    if (action.do === 'change') errors.push(...checkChange(action, at, unknown, noNode, s.members ?? names));
    if (action.do === 'partition') {
      const seen = new Set<string>();
      action.groups.forEach((group, g) =>
        group.forEach((id, k) => {
          if (unknown(id)) errors.push(`${at}.groups[${g}][${k}]: ${noNode(id)}`);
          else if (seen.has(id)) errors.push(`${at}.groups[${g}][${k}]: "${id}" is in two groups`);
          seen.add(id);
        }),
      );
    }
  });
  return errors;
}

/** A change request (§6): known nodes, something to change, no node both added and removed, some voter left. */
function checkChange(
  action: { readonly add?: readonly string[]; readonly remove?: readonly string[] },
  at: string,
  unknown: (id: string) => boolean,
  noNode: (id: string) => string,
  members: readonly string[],
): string[] {
  const errors: string[] = [];
  const add = action.add ?? [];
  const remove = action.remove ?? [];
  for (const [field, list] of [
    ['add', add],
    ['remove', remove],
  ] as const)
    list.forEach((id, k) => {
      if (unknown(id)) errors.push(`${at}.${field}[${k}]: ${noNode(id)}`);
      else if (list.indexOf(id) !== k) errors.push(`${at}.${field}[${k}]: "${id}" is listed twice`);
    });
  if (add.length + remove.length === 0) errors.push(`${at}.add: a change adds or removes at least one node`);
  remove.forEach((id, k) => {
    if (add.includes(id)) errors.push(`${at}.remove[${k}]: "${id}" is both added and removed`);
  });
  // Against the initial voters: removing every one of them with nothing added leaves no voter at all.
  if (add.length === 0 && members.length > 0 && members.every((id) => remove.includes(id)))
    errors.push(`${at}.remove: removes the last voter (${members.join(', ')}): a cluster needs at least one`);
  return errors;
}
