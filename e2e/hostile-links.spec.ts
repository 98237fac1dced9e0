// The nastiest links of the link fuzzer (src/check/links/link-fuzz.ts), opened in the browser: no
// page error, nothing injected into the page, the ring drawn, and any banner of bounded size.

import { decodeLink, encodeLink } from '../src/scenario/url';
import { scenarioSchema } from '../src/scenario/schema';
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

// Issue 13, item 2: the largest instant the format allows (one virtual day), on a busy nine-node cluster
// with loss and duplication. The page either computes towards it with progress and Cancel, or says it
// is too far and opens at the start; never "Waiting for the simulation…" until the tab dies.
test('a link to one virtual day opens in bounded time, with progress and Cancel or at the start', async ({ page }) => {
  const scenario = scenarioSchema.parse({
    version: 1,
    nodes: 9,
    seed: 7,
    network: { dropRate: 0.3, duplicateRate: 0.3 },
  });
  const link = encodeLink({ scenario, at: 86_400_000, view: { lang: 'en' } });
  expect(decodeLink(link).ok).toBe(true);
  await page.goto(`/${link}`);
  const ring = page.getByRole('group', { name: /^The cluster:/ });
  const tooFar = page.getByText(/too far to compute here: .* The run opens at the start instead\./);
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  await expect(tooFar.or(cancel).first()).toBeVisible({ timeout: 15_000 });
  if (await cancel.isVisible()) {
    await expect(page.getByRole('progressbar', { name: 'How far the run has been computed' })).toBeVisible();
    await cancel.click();
    await expect(cancel).toBeHidden({ timeout: 5_000 });
  }
  await expect(ring).toBeVisible();
  await expect(ring.getByRole('button', { name: /^Node I/ })).toBeVisible();
});
