// The lesson library, in the order of the course notes. Each lesson is data: a scenario and
// the beats to pause at. lessons.test.ts plays every one and checks what its captions claim.

import type { Lesson } from '../narration';
import { electionRestriction } from './election-restriction';
import { exploreElectionRestriction } from './explore-election-restriction';
import { exploreFigure8 } from './explore-figure-8';
import { figure7 } from './figure-7';
import { figure8 } from './figure-8';
import { figure8Unsafe } from './figure-8-unsafe';
import { followerSnapshot } from './follower-snapshot';
import { installSnapshotLesson } from './install-snapshot';
import { firstElection } from './first-election';
import { isolatedTerm } from './isolated-term';
import { leaseFastClock } from './lease-fast-clock';
import { membershipAddServer } from './membership-add-server';
import { membershipDirectUnsafe } from './membership-direct-unsafe';
import { membershipJoint } from './membership-joint';
import { membershipRemoveLeader } from './membership-remove-leader';
import { membershipRemovedDisrupts } from './membership-removed-disrupts';
import { membershipSingleServerBug } from './membership-single-server-bug';
import { narrowTimeouts } from './narrow-timeouts';
import { preVote } from './prevote';
import { quorumFour } from './quorum-four';
import { quorumThree } from './quorum-three';
import { readIndexLesson } from './read-index';
import { refusedAppend } from './refused-append';
import { rejoinDeposes } from './rejoin-deposes';
import { replication } from './replication';
import { snapshotKeepsSuffix } from './snapshot-keeps-suffix';
import { snapshotShrinksLog } from './snapshot-shrinks-log';
import { splitVote } from './split-vote';
import { staleLocalRead } from './stale-local-read';
import { transferBeforeMaintenance } from './transfer-before-maintenance';

export const LESSONS: readonly Lesson[] = [
  firstElection,
  splitVote,
  narrowTimeouts,
  replication,
  quorumThree,
  quorumFour,
  isolatedTerm,
  rejoinDeposes,
  electionRestriction,
  exploreElectionRestriction,
  preVote,
  refusedAppend,
  figure7,
  figure8,
  figure8Unsafe,
  exploreFigure8,
  snapshotShrinksLog,
  installSnapshotLesson,
  snapshotKeepsSuffix,
  followerSnapshot,
  membershipAddServer,
  membershipJoint,
  membershipDirectUnsafe,
  membershipRemoveLeader,
  membershipRemovedDisrupts,
  membershipSingleServerBug,
  transferBeforeMaintenance,
  readIndexLesson,
  staleLocalRead,
  leaseFastClock,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}
