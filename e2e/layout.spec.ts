// The screens the class uses: a 1366×768 laptop must show the ring, the logs and the controls
// without scrolling; a projector the same; a phone one column with nothing wider than the screen.

import type { Locator, Page } from '@playwright/test';
import { encodeLink } from '../src/scenario/url';
import { scenarioSchema } from '../src/scenario/schema';
import { cluster, expect, openApp, test } from './fixtures';

/** Wholly inside the viewport's height. Polled: a panel re-rendered by a new frame has no box for a moment. */
async function inViewport(page: Page, name: string, element: Locator): Promise<void> {
  const height = page.viewportSize()!.height;
  await expect
    .poll(
      async () => {
        const box = await element.boundingBox();
        return box === null ? null : { top: box.y >= 0, bottom: box.y + box.height <= height + 1 };
      },
      { message: name },
    )
    .toEqual({ top: true, bottom: true });
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('ring, logs and controls are all on screen without scrolling', async ({ page }) => {
      await openApp(page);
      // The ring draws after the first frame arrives: wait for it rather than measure an empty page.
      await expect(cluster(page)).toBeVisible();
      await inViewport(page, 'cluster', cluster(page));
      await inViewport(page, 'logs heading', page.getByRole('heading', { name: 'Logs' }));
      for (const node of ['A', 'B', 'C', 'D', 'E']) {
        await expect(page.getByRole('button', { name: new RegExp(`^Node ${node}, `) }).last()).toBeInViewport({
          ratio: 1,
        });
      }
      await inViewport(page, 'play', page.getByRole('button', { name: /^(Play|Pause)$/ }));
      await inViewport(page, 'command', page.getByRole('combobox', { name: 'Client command' }));
      const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
      expect(scrolls).toBe(false);
    });
  });
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  /** Whether `locator`'s element is wider than it shows (it would scroll sideways). */
  const scrollsSideways = (locator: Locator) => locator.evaluate((el) => el.scrollWidth > el.clientWidth);

  test('ring first, controls in a bottom drawer, the header tools behind a menu, nothing scrolls sideways', async ({
    page,
  }) => {
    await openApp(page);
    const header = page.getByRole('banner');
    expect(await scrollsSideways(page.locator('html'))).toBe(false);
    expect(await scrollsSideways(header)).toBe(false);
    // The header is one short row: the title and the menu button; the tools are folded away.
    const menu = header.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(header.getByRole('button', { name: 'Lessons' })).toBeHidden();
    expect((await header.boundingBox())!.height).toBeLessThan(60);

    // The ring is first and whole on the first screen, above the drawer.
    const ring = (await cluster(page).boundingBox())!;
    expect(ring.width).toBeGreaterThan(300);
    const play = page.getByRole('button', { name: /^(Play|Pause)$/ });
    await expect(play).toBeInViewport({ ratio: 1 });
    const drawerTop = (await page.getByRole('toolbar', { name: 'Simulation controls' }).boundingBox())!.y;
    expect(ring.y + ring.height).toBeLessThanOrEqual(drawerTop);
    const logs = await page.getByRole('heading', { name: 'Logs' }).boundingBox();
    expect(logs!.y).toBeGreaterThan(ring.y + ring.height - 1);

    // The drawer folds the speed and the command away, and brings them back.
    await expect(page.getByRole('button', { name: 'Send to leader' })).toBeInViewport();
    const more = page.getByRole('button', { name: 'More controls' });
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('combobox', { name: 'Client command' })).toBeHidden();
    await expect(play).toBeInViewport({ ratio: 1 });
    await more.click();
    await expect(page.getByRole('button', { name: 'Send to leader' })).toBeInViewport();

    // The menu opens the tools in rows under the title: still nothing wider than the screen.
    await menu.click();
    await expect(header.getByRole('button', { name: 'Lessons' })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await scrollsSideways(page.locator('html'))).toBe(false);
    expect(await scrollsSideways(header)).toBe(false);
    for (const box of await header
      .getByRole('button')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual(390);
  });
});

type Box = { x: number; y: number; width: number; height: number };

/** Where the big pieces of the screen are, by their accessible names. */
async function pieces(page: Page): Promise<Record<string, Box | null>> {
  const named: Record<string, Locator> = {
    header: page.getByRole('banner'),
    controls: page.getByRole('toolbar', { name: /^(Simulation controls|시뮬레이션 조작)$/ }),
    ring: page.getByRole('group', { name: /^(The cluster|클러스터)/ }),
    timeline: page.getByRole('region', { name: /^(Timeline|타임라인)$/ }),
    logs: page.getByRole('region', { name: /^(Logs|로그)$/ }),
  };
  const boxes: Record<string, Box | null> = {};
  for (const [name, locator] of Object.entries(named)) {
    const box = await locator.boundingBox();
    boxes[name] = box && {
      x: Math.round(box.x),
      y: Math.round(box.y),
      width: Math.round(box.width),
      height: Math.round(box.height),
    };
  }
  return boxes;
}

/** The vertical centre of each element `locator` matches. */
async function centres(locator: Locator): Promise<number[]> {
  return locator.evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return r.top + r.height / 2;
      }),
  );
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
]) {
  for (const lang of ['en', 'ko'] as const) {
    test.describe(`${size.width}×${size.height} (${lang})`, () => {
      test.use({ viewport: size, lang });
      test('the header and the controls are one row each; a branch line, a hint or a status moves nothing', async ({
        page,
      }) => {
        test.setTimeout(90_000);
        await openApp(page);
        const header = page.getByRole('banner');
        // The long names stay the buttons' accessible names; only their visible labels are short.
        await expect(
          header.getByRole('button', { name: /^(Explore all orders from here|여기서부터 모든 순서 탐색)$/ }),
        ).toBeVisible();
        await expect(header.getByRole('button', { name: /^(Keyboard shortcuts|단축키)$/ })).toBeVisible();
        const headerRows = await centres(header.getByRole('button'));
        expect(headerRows.length).toBeGreaterThan(6);
        expect(Math.max(...headerRows) - Math.min(...headerRows), 'header buttons on one row').toBeLessThan(4);
        expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

        const controlRow = await centres(
          page
            .getByRole('toolbar', { name: /^(Simulation controls|시뮬레이션 조작)$/ })
            .getByRole('button')
            .or(page.getByRole('combobox', { name: /^(Client command|클라이언트 명령)$/ }))
            .or(page.getByRole('button', { name: /^(Send to leader|리더에게 보내기)$/ })),
        );
        expect(controlRow.length).toBeGreaterThan(4);
        expect(Math.max(...controlRow) - Math.min(...controlRow), 'controls on one row').toBeLessThan(6);

        // Paused a few steps in: the reserved branch line, the command's hint and the link status appear in turn.
        await page.getByRole('button', { name: /^(Pause|일시정지)$/ }).click();
        const forward = page.getByRole('button', { name: /^(Step forward|한 단계 앞으로)$/ });
        for (let i = 0; i < 4; i++) await forward.click();
        const before = await pieces(page);
        await page.getByRole('button', { name: /^(Step back|한 단계 뒤로)$/ }).click();
        await expect(page.getByText(/^(Branches|분기):$/)).toBeVisible();
        expect(await pieces(page), 'after stepping back').toEqual(before);

        const field = page.getByRole('combobox', { name: /^(Client command|클라이언트 명령)$/ });
        await field.fill('set y 2');
        await field.press('Enter');
        await expect(page.getByRole('list', { name: /^(Branches|분기)$/ }).getByRole('listitem')).toHaveCount(2);
        expect(await pieces(page), 'after branching').toEqual(before);

        await field.fill('bogus');
        await field.press('Enter');
        await expect(field).toHaveAttribute('aria-invalid', 'true');
        expect(await pieces(page), 'with the command hint').toEqual(before);

        await page.getByRole('button', { name: /^(Copy link|링크 복사)$/ }).click();
        await expect(
          page
            .getByRole('status')
            .filter({ hasText: /(Link copied|링크를 복사했습니다)/ })
            .or(page.getByRole('textbox', { name: /(Copy this link by hand|직접 복사)/ })),
        ).toBeVisible();
        expect(await pieces(page), 'with the link status').toEqual(before);
      });

      test('deep into a run the controls stay on one row and the ring keeps its room', async ({ page }) => {
        // Ten virtual minutes under a write every 300 ms: a six-digit event count and a long clock.
        const actions = Array.from({ length: 2000 }, (_, i) => ({
          at: 300 + i * 300,
          do: 'submit' as const,
          command: `set k${i % 50} ${i}`,
        }));
        const scenario = scenarioSchema.parse({ version: 1, nodes: 5, seed: 2026, actions });
        await openApp(page);
        const atStart = await pieces(page);
        await page.goto(`/${encodeLink({ scenario, at: 600_000, view: { lang } })}`);
        await expect(page.getByTestId('virtual-time')).toHaveText(/600[.,]000/, { timeout: 30_000 });
        const controlRow = await centres(
          page
            .getByRole('toolbar', { name: /^(Simulation controls|시뮬레이션 조작)$/ })
            .getByRole('button')
            .or(page.getByRole('button', { name: /^(Send to leader|리더에게 보내기)$/ })),
        );
        expect(Math.max(...controlRow) - Math.min(...controlRow), 'controls on one row').toBeLessThan(6);
        const late = await pieces(page);
        expect(late.controls, 'the toolbar keeps its place and size').toEqual(atStart.controls);
        expect(late.ring, 'the ring keeps its room').toEqual(atStart.ring);
      });
    });
  }
}
