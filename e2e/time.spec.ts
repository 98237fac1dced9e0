// Control over time, as a teacher uses it: step forward and back, rewrite the past into a
// branch, deliver messages by hand, and read the run on the space-time diagram.

import type { Page } from '@playwright/test';
import { ISOLATED_E } from '../src/scenario/lessons/isolated-term';
import { scenarioSchema } from '../src/scenario/schema';
import { encodeLink } from '../src/scenario/url';
import { cluster, expect, nodeAction, nodeStates, openApp, openTab, test } from './fixtures';

async function pause(page: Page): Promise<void> {
  // The app starts playing on its own (slowly): wait for that, then pause it.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

/** The clock as the control bar shows it: "1.234 s" and "event 56". */
async function clock(page: Page): Promise<{ time: string; events: string }> {
  const time = (await page.getByTestId('virtual-time').textContent()) ?? '';
  const events =
    (await page.getByTestId('virtual-time').locator('xpath=following-sibling::span[1]').textContent()) ?? '';
  return { time, events };
}

function seconds(text: string): number {
  return Number(/([\d.]+)/.exec(text)?.[1] ?? NaN) * 1000;
}

async function eventCount(page: Page): Promise<number> {
  return Number(/(\d+)/.exec((await clock(page)).events)?.[1] ?? NaN);
}

/** §6's run (B leads term 1, E cut off from 600 to 2500 ms), opened from a link paused at `at` ms. */
async function openIsolatedE(page: Page, at: number, { fresh = false } = {}): Promise<void> {
  await page.goto(`/${encodeLink({ scenario: scenarioSchema.parse(ISOLATED_E), at, view: { lang: 'en' } })}`);
  if (fresh) await page.reload();
  await expect(page.getByTestId('virtual-time')).toHaveText(`${(at / 1000).toFixed(3)} s`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
}

function timeline(page: Page) {
  return page.getByRole('slider', { name: 'Timeline' });
}

test.beforeEach(async ({ page }) => {
  await openApp(page);
  await pause(page);
});

test('five steps forward and five back show the same screen', async ({ page }) => {
  await page.getByRole('button', { name: 'Next leader' }).click();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], leader/ })).toBeVisible();
  const before = { clock: await clock(page), nodes: await nodeStates(page) };
  const start = await eventCount(page);
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => eventCount(page)).toBe(start + i);
  }
  expect((await clock(page)).events).not.toBe(before.clock.events);
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect.poll(() => eventCount(page)).toBe(start + 5 - i);
  }
  expect(await clock(page)).toEqual(before.clock);
  expect(await nodeStates(page)).toEqual(before.nodes);
});

test('acting in the past starts a branch, and both are listed', async ({ page }) => {
  await page.getByRole('button', { name: 'Next leader' }).click();
  const leader = cluster(page).getByRole('button', { name: /^Node [A-E], leader/ });
  await expect(leader).toBeVisible();
  const leaderId = /^Node ([A-E])/.exec((await leader.getAttribute('aria-label')) ?? '')![1]!;
  // Let the cluster run a little after the election, then kill the leader.
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect.poll(() => eventCount(page)).toBeGreaterThan(0);
  const killedAt = seconds((await clock(page)).time);
  await nodeAction(page, leaderId, 'Kill');
  await expect(page.getByRole('button', { name: `Restart ${leaderId}` })).toBeVisible();
  await page.getByRole('button', { name: 'Next election' }).click();
  await expect.poll(async () => seconds((await clock(page)).time)).toBeGreaterThan(killedAt);

  // Seek on the timeline to half-way to the kill.
  const track = timeline(page);
  const end = Number(await track.getAttribute('aria-valuemax'));
  const box = (await track.boundingBox())!;
  const target = killedAt / 2;
  await track.click({ position: { x: 8 + (target / end) * (box.width - 16), y: box.height / 2 } });
  await expect.poll(async () => Number(await track.getAttribute('aria-valuenow'))).toBeLessThan(killedAt);
  const other = (await nodeStates(page)).find((n) => n.id !== leaderId && n.status !== 'down')!;
  expect((await nodeStates(page)).find((n) => n.id === leaderId)?.status).not.toBe('down');

  // A different action at that instant: kill another node instead.
  await nodeAction(page, other.id, 'Kill');
  const branches = page.getByRole('list', { name: 'Branches' });
  await expect(branches.getByRole('listitem')).toHaveCount(2);
  await expect(branches.getByRole('listitem').filter({ hasText: /^Original run/ })).toBeVisible();
  const current = branches.locator('li[aria-current="true"]');
  await expect(current).toContainText('Branch 1');
  await expect(current).toContainText('1 action');
  await branches.getByRole('button', { name: 'Switch to the original run' }).click();
  await expect(branches.locator('li[aria-current="true"]')).toContainText('Original run');
});

test('manual delivery: deliver one RequestVote and the voter’s vote changes', async ({ page }) => {
  await page.getByRole('button', { name: 'Manual delivery' }).click();
  await expect(page.getByRole('button', { name: 'Manual delivery' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/time stands still/).first()).toBeVisible();

  await openTab(page, 'Node');
  await page.getByRole('button', { name: 'Select node C' }).click();
  const votedFor = page
    .locator('dt', { has: page.locator('code', { hasText: /^votedFor$/ }) })
    .locator('xpath=following-sibling::dd[1]');
  const votedBefore = (await votedFor.textContent()) ?? '';
  expect(votedBefore).not.toBe('A');

  await page.getByRole('button', { name: 'Fire A’s election timer' }).click();
  const inFlight = page.getByRole('list', { name: 'Messages in flight' });
  const request = inFlight.getByRole('listitem', { name: /^#\d+ RequestVote from A to C, term \d+$/ });
  await expect(request).toBeVisible();
  const before = await clock(page);
  await request.getByRole('button', { name: /^Deliver / }).click();
  await expect(votedFor).toHaveText('A');
  await expect(request).toHaveCount(0);
  // Time stood still apart from the delivery itself: nothing else happened on its own.
  expect(seconds((await clock(page)).time)).toBeGreaterThanOrEqual(seconds(before.time));
});

test('the space-time diagram shows delivered messages and a click on one goes there', async ({ page }) => {
  await page.getByRole('button', { name: 'Next leader' }).click();
  await expect(cluster(page).getByRole('button', { name: /^Node [A-E], leader/ })).toBeVisible();
  await openTab(page, 'Space-time');
  const diagram = page.getByRole('group', { name: /^Messages between/ });
  await diagram.scrollIntoViewIfNeeded();
  const arrow = diagram
    .getByRole('button', { name: /^RequestVote from [A-E] to [A-E], term \d+, sent at [\d.]+ ms, delivered at/ })
    .first();
  await expect(arrow).toBeVisible();
  const label = (await arrow.getAttribute('aria-label')) ?? '';
  const [, sent, delivered] = /sent at ([\d.]+) ms, delivered at ([\d.]+) ms/.exec(label)!;
  const now = seconds((await clock(page)).time);
  // Click a third of the way along the arrow (its ends touch the replies' starts).
  const [, from, to] = /from ([A-E]) to ([A-E])/.exec(label)!;
  const box = (await arrow.boundingBox())!;
  await arrow.click({ position: { x: box.width * 0.33, y: box.height * (from! < to! ? 0.33 : 0.67) } });
  await expect.poll(async () => seconds((await clock(page)).time)).not.toBe(now);
  const at = seconds((await clock(page)).time);
  expect(at).toBeGreaterThanOrEqual(Number(sent) - 1);
  expect(at).toBeLessThanOrEqual(Number(delivered) + 1);
  // At that instant the message is on the wire, and it is the selected one.
  const sentName = label.slice(0, label.indexOf(', delivered at'));
  const selected = diagram.getByRole('button', { name: `${sentName}, in flight` });
  await expect(selected).toHaveAttribute('aria-pressed', 'true');
});

test('dragging the timeline scrubs every time, without selecting or dragging its labels', async ({ page }) => {
  // Two seconds of §6's run: B's term-1 band has its label ("T1 B") and E's lane is drawn under it.
  await openIsolatedE(page, 2000);
  const track = timeline(page);
  const end = Number(await track.getAttribute('aria-valuemax'));
  const box = (await track.boundingBox())!;
  const xAt = (fraction: number): number => box.x + 8 + fraction * (box.width - 16);
  const now = async (): Promise<number> => Number(await track.getAttribute('aria-valuenow'));
  // Each drag starts on a term band's label ("T1 B"): pressing on text is what selected it.
  const label = (await track.locator('text').first().boundingBox())!;
  const fromLabel = (label.x + label.width / 2 - box.x - 8) / (box.width - 16);
  const y = label.y + label.height / 2;

  // Every instant the slider shows while a drag goes on: one per seek the drag made.
  await track.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { seenInstants: string[] }).seenInstants = seen;
    new MutationObserver(() => seen.push(el.getAttribute('aria-valuenow') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['aria-valuenow'],
    });
  });
  const instantsSeen = (): Promise<string[]> =>
    page.evaluate(() => (window as unknown as { seenInstants: string[] }).seenInstants.splice(0));

  // Two drags in a row: the second must scrub too (a selected label used to start a native drag).
  for (const to of [0.95, 0.1]) {
    await page.mouse.move(xAt(fromLabel), y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(xAt(fromLabel + ((to - fromLabel) * i) / 10), y);
      // Give the seek time to come back, as a hand does between two moves.
      await page.waitForTimeout(60);
    }
    await expect.poll(now).toBeCloseTo(to * end, -1);
    await page.mouse.up();
    expect(await page.evaluate(() => document.getSelection()?.toString() ?? '')).toBe('');
    // Not one seek and then nothing: the view followed the pointer along the way.
    expect(new Set(await instantsSeen()).size).toBeGreaterThanOrEqual(5);
  }
});

test('a drag holds the feed and the logs while it moves, and both tell the instant it ends at', async ({ page }) => {
  await openIsolatedE(page, 2000);
  const track = timeline(page);
  const feed = page.getByRole('list', { name: 'Event feed, oldest first' });
  const logs = page.getByRole('region', { name: 'Logs' });
  const box = (await track.boundingBox())!;
  const y = box.y + box.height / 2;
  const xAt = (fraction: number): number => box.x + 8 + fraction * (box.width - 16);
  const feedLines = (): Promise<string[]> => feed.locator(':scope > li').allTextContents();
  const cells = (): Promise<string[]> =>
    logs
      .getByRole('listitem', { name: /^index / })
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

  // Whether each was held at some point of the drag (a slow page may also let it rest, and catch up, between moves).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { heldSeen: string[] }).heldSeen = seen;
    new MutationObserver((changes) => {
      for (const c of changes) {
        const el = c.target as Element;
        if (el.getAttribute('aria-busy') === 'true') seen.push(el.getAttribute('aria-label') ?? '');
      }
    }).observe(document.body, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
  });

  // From the end back to a third of the run: a rewind, so the feed starts over at the instant shown.
  await page.mouse.move(xAt(0.98), y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(xAt(0.98 - (0.65 * i) / 12), y);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
  const held = await page.evaluate(() => (window as unknown as { heldSeen: string[] }).heldSeen);
  expect(new Set(held)).toEqual(new Set(['Event feed, oldest first', 'Logs']));
  await expect(feed).toHaveAttribute('aria-busy', 'false');
  await expect(logs).toHaveAttribute('aria-busy', 'false');
  // Still following the newest line: catching up is not the reader scrolling back.
  await expect(feed.locator(':scope > li').last()).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Scroll to the newest events' })).toHaveCount(0);
  const at = Number(await track.getAttribute('aria-valuenow'));
  expect(at).toBeLessThan(1000);
  await expect(page.getByTestId('virtual-time')).toHaveText(`${(at / 1000).toFixed(3)} s`);
  const dragged = { feed: await feedLines(), cells: await cells() };
  expect(dragged.feed.length).toBeGreaterThan(0);

  // The same instant opened from a link tells the same story and shows the same logs. In a fresh page: a link in the
  // same page only changes the fragment, and the old view (already at that instant) would pass the waits below
  // before the link had opened.
  await openIsolatedE(page, at, { fresh: true });
  await expect(feed.locator(':scope > li')).toHaveCount(dragged.feed.length);
  expect(await feedLines()).toEqual(dragged.feed);
  expect(await cells()).toEqual(dragged.cells);
});

test('isolated E: stepping on, B’s term-1 band stays while E’s term climbs in its own lane', async ({ page }) => {
  await openIsolatedE(page, 300);
  const track = timeline(page);
  const bands = () => track.locator('[data-testid="term-band"] > title').allTextContents();
  const lanes = () => track.locator('[data-testid="term-lane"] > title').allTextContents();
  let climbed = 0;
  // E's elections, one after the other, until just before E comes back at 2500 ms.
  for (let n = 0; n < 12; n++) {
    const before = await eventCount(page);
    await page.getByRole('button', { name: 'Next election' }).click();
    await expect.poll(() => eventCount(page)).toBeGreaterThan(before);
    if (seconds((await clock(page)).time) >= 2500) break;
    expect(await bands()).toEqual([expect.stringMatching(/^B leads term 1 from [\d.]+ s$/)]);
    const terms = (await lanes()).map((title) => Number(/^E is in term (\d+) on its own/.exec(title)?.[1]));
    // E's lane: one span per term it reached, 2, 3, 4, … and the ring agrees on E's term.
    expect(terms).toEqual(terms.map((_, i) => i + 2));
    expect((await nodeStates(page)).find((node) => node.id === 'E')?.term).toBe(terms.at(-1));
    climbed = terms.length;
  }
  expect(climbed).toBeGreaterThan(4);
  // The lane is labelled with its node and term where it is wide enough.
  await expect(
    track
      .locator('[data-testid="term-lane"] text')
      .filter({ hasText: /^E T\d+$/ })
      .first(),
  ).toBeVisible();
});
