// The store's notices (a refused action, a hint) and the "new version" notice, loaded just after the ring's
// first frame: both draw nothing until something happens, so loading them later moves nothing, and their
// code (with the refusal sentences) stays out of the first load.

import { UpdateNotice } from '../update/UpdateNotice';
import { Notices } from './Notices';

/** Notices, in the place the page shows them (under the title bar). */
export function PageNotices() {
  return (
    <>
      <Notices />
      <UpdateNotice />
    </>
  );
}
