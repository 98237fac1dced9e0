// What the simulator adds for membership changes (§6): the cluster's initial configuration
// from the scenario's `members`, configuration entries in initial logs, and the words of a
// change request as the client's record shows it.

import { sortedIds } from '../raft/membership';
import type { Configuration, LogEntry, NodeId } from '../raft/types';
import type { InitialEntry } from './scenario-types';

/** `members` are the voters; every other node is a spare server, in no configuration. */
export function initialConfigurationOf(
  members: readonly NodeId[] | undefined,
  nodeIds: readonly NodeId[],
): Configuration {
  return { voters: members === undefined ? nodeIds : sortedIds(members), learners: [] };
}

/** A scenario's initial log entry as a node holds it: a configuration entry has command "". */
export function logEntryOf(e: InitialEntry): LogEntry {
  if (!('config' in e)) return { term: e.term, command: e.command };
  const { voters, old } = e.config;
  const config = old === undefined ? { voters: sortedIds(voters) } : { voters: sortedIds(voters), old: sortedIds(old) };
  return { term: e.term, command: '', config };
}

/** A change request as the client's list and the feed show it: "+D −A". */
export function describeChange(add: readonly NodeId[], remove: readonly NodeId[]): string {
  return [...add.map((id) => `+${id}`), ...remove.map((id) => `−${id}`)].join(' ');
}
