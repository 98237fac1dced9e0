// Decodes one share link off the page's thread: inflating a large link and validating its scenario
// (a 9-node cluster with 1,000-entry logs) took the page's main thread some 150 ms of processor time
// in one task at start-up, during which nothing could be drawn or answered (issue 14, start-up long tasks).

import { decodeLink } from '../../scenario/url';

self.addEventListener('message', (event: MessageEvent<string>) => {
  self.postMessage(decodeLink(event.data));
});
