// Every unsafe teaching switch, in the order the settings list them and the "Not Raft" band names them.
// One list for both: a switch the settings offer but the band does not name would run unannounced.

import type { UnsafeSwitches } from '../raft/types';

export const UNSAFE_SWITCH_KEYS = [
  'noElectionRestriction',
  'commitPreviousTerms',
  'forgetOnRestart',
  'snapshotUncommitted',
  'directMembershipChange',
  'changeBeforeTermCommit',
  'localReads',
  'leaseIgnoresDrift',
] as const satisfies readonly (keyof UnsafeSwitches)[];

// A switch added to UnsafeSwitches and forgotten here fails to compile.
type Unlisted = Exclude<keyof UnsafeSwitches, (typeof UNSAFE_SWITCH_KEYS)[number]>;
const everySwitchListed: Unlisted extends never ? true : never = true;
void everySwitchListed;
