// The nastiest links of the link fuzzer (src/check/links/link-fuzz.ts), opened in the browser: no
// page error, nothing injected into the page, the ring drawn, and any banner of bounded size.

import { decodeLink } from '../src/scenario/url';
import { fuzzLinks, MUTATIONS, type FuzzLink } from '../src/check/links/link-fuzz';
import { expect, test } from './fixtures';

/** Links the app opens at an instant it can reach quickly (far seeks are tested elsewhere). */
function quickToOpen(link: string): boolean {
  const decoded = decodeLink(link);
  return !decoded.ok || decoded.link.at <= 10_000;
}

/** Per mutation: its first refused link and its first accepted one, from a fixed stretch of seeds. */
function sample(): FuzzLink[] {
  const all = fuzzLinks(160, 1).filter((l) => quickToOpen(l.link));
  const out: FuzzLink[] = [];
  for (const mutation of MUTATIONS) {
    const mine = all.filter((l) => l.mutation === mutation);
    const refused = mine.find((l) => !decodeLink(l.link).ok);
    const played = mine.find((l) => decodeLink(l.link).ok);
    for (const l of [refused, played]) if (l) out.push(l);
  }
  return out;
}

for (const [i, { mutation, link }] of sample().entries()) {
  test(`hostile link ${i + 1} (${mutation}) leaves a working page`, async ({ page }) => {
    await page.goto(`/${link}`);
    // The link may switch the page to Korean: find the ring in either language.
    const ring = page.getByRole('group', { name: /^(The cluster|클러스터):/ });
    await expect(ring).toBeVisible();
    await expect(ring.getByRole('button', { name: /^(Node|노드) [A-I]/ }).first()).toBeVisible();
    // Nothing from the link became markup or script.
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"], script:not([src]):not([type])')).toHaveCount(0);
    // Any banner stays a banner, whatever the link held.
    for (const box of await page
      .getByRole('alert')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
      expect(box).toBeLessThan(400);
  });
}
