// Settings changed during a run take effect at once (a live action) and are also written into
// the current scenario, so Reset and "new seed" start again with them.

import type { Scenario } from '../../scenario/schema';
import { useSimStore } from '../../store/sim-store';

type Options = Partial<Scenario['options']>;
type Unsafe = Partial<Scenario['unsafe']>;

export function setOptions(options: Options, unsafe: Unsafe): void {
  const store = useSimStore.getState();
  const { preVote, checkQuorum, leaderNoop, fastBackup, snapshotThreshold, snapshotChunk, membership } = options;
  const { reads, followerReads } = options;
  const { noElectionRestriction, commitPreviousTerms, forgetOnRestart, snapshotUncommitted } = unsafe;
  const { directMembershipChange, changeBeforeTermCommit, localReads, leaseIgnoresDrift } = unsafe;
  const liveOptions = {
    preVote,
    checkQuorum,
    leaderNoop,
    fastBackup,
    snapshotThreshold,
    snapshotChunk,
    membership,
    reads,
    followerReads,
  };
  const liveUnsafe = {
    noElectionRestriction,
    commitPreviousTerms,
    forgetOnRestart,
    snapshotUncommitted,
    directMembershipChange,
    changeBeforeTermCommit,
    localReads,
    leaseIgnoresDrift,
  };
  store.act({ do: 'setOptions', options: defined(liveOptions), unsafe: defined(liveUnsafe) });
  const s = store.scenario;
  useSimStore.setState({
    scenario: { ...s, options: { ...s.options, ...defined(options) }, unsafe: { ...s.unsafe, ...defined(unsafe) } },
  });
}

export function setNetwork(change: {
  dropRate?: number;
  duplicateRate?: number;
  reorder?: boolean;
  latency?: [number, number];
}): void {
  const store = useSimStore.getState();
  store.act({ do: 'network', ...change });
  const s = store.scenario;
  const { latency, ...network } = change;
  useSimStore.setState({
    scenario: {
      ...s,
      network: { ...s.network, ...network },
      timing: latency ? { ...s.timing, latency } : s.timing,
    },
  });
}

/** Loads the current scenario again with a change, from time 0. */
export function reload(change: Partial<Scenario>): void {
  const store = useSimStore.getState();
  store.load({ ...store.scenario, ...change });
}

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
