// Every layout the class uses (issue 12), through the Figure 7 lesson at its repair: log markers and
// row headers never lie over another row's cells, the logs' text is 12 CSS px at least, nothing moves
// when the lesson seeks, axe is clean with colour contrast on, and a screenshot of each is kept as
// an artifact (in both languages) for a person to look at.

import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test, type Lang } from './fixtures';

interface Layout {
  readonly name: string;
  readonly viewport: { width: number; height: number };
  readonly query?: string;
  readonly mobile?: boolean;
  readonly present?: boolean;
  /** The logs are part of this layout. */
  readonly logs: boolean;
}

const LAYOUTS: readonly Layout[] = [
  { name: '1280x720', viewport: { width: 1280, height: 720 }, logs: true },
  { name: '1366x768', viewport: { width: 1366, height: 768 }, logs: true },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, logs: true },
  { name: '3840x2160', viewport: { width: 3840, height: 2160 }, logs: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, mobile: true, logs: true },
  { name: 'embed', viewport: { width: 960, height: 540 }, query: 'embed=1', logs: false },
  // The lesson is opened first, then presenter mode (it folds the Lessons button away).
  { name: 'present', viewport: { width: 1280, height: 720 }, present: true, logs: false },
];

type Box = { x: number; y: number; width: number; height: number };

/** The Figure 7 lesson's link, as the lesson library opens it. */
async function openFigure7(page: Page, query: string | undefined): Promise<void> {
  await page.goto(query ? `/?${query}` : '/');
  // On a phone the header's tools are behind its menu.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const menu = page.getByRole('button', { name: /^(Menu|메뉴)$/ });
  if (await menu.isVisible()) await menu.click();
  const lessons = page.getByRole('button', { name: /^(Lessons|수업)$/ });
  await lessons.click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Figure 7/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: /^(Next pause|다음 멈춤)( ▶)?$/ })).toBeVisible();
}

async function nextPause(page: Page): Promise<void> {
  const progress = page.getByText(/^(Pause \d+ of \d+|멈춤 \d+ \/ \d+)$/);
  const before = await progress.textContent();
  await page.getByRole('button', { name: /^(Next pause|다음 멈춤)( ▶)?$/ }).click();
  await expect(progress).not.toHaveText(before ?? '');
}

/** Where the big pieces of the screen are: none of them may move when the run seeks. */
async function frame(page: Page): Promise<Record<string, Box | null>> {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      // In page coordinates: a phone's page scrolls to the button pressed, which is not the layout moving.
      const x = Math.round(r.x + window.scrollX);
      const y = Math.round(r.y + window.scrollY);
      return { x, y, width: Math.round(r.width), height: Math.round(r.height) };
    };
    return { stage: box('.stage'), timeline: box('.main-column > :nth-child(2)'), logs: box('.logs') };
  });
}

/** Pairs of (marker or row header, another row's cell) whose boxes overlap. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('ol[aria-label]')].filter((ol) =>
      /^(Log of node|노드 [A-I]의 로그)/.test(ol.getAttribute('aria-label') ?? ''),
    );
    // A cell scrolled out of the logs' view is clipped: only the part in view can cover anything.
    const cellsOf = (row: Element) => {
      const view = row.parentElement!.getBoundingClientRect();
      return [...row.querySelectorAll('li[aria-label]')].map((li) => {
        const r = li.getBoundingClientRect();
        const left = Math.max(r.left, view.left);
        const right = Math.min(r.right, view.right);
        return new DOMRect(left, r.top, Math.max(0, right - left), r.height);
      });
    };
    const hit = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const found: string[] = [];
    rows.forEach((row, i) => {
      const markers = [...row.querySelectorAll('[role="img"]')].map((m) => m.parentElement!.getBoundingClientRect());
      const rowBox = row.getBoundingClientRect();
      for (const m of markers) {
        if (m.top < rowBox.top - 0.5 || m.bottom > rowBox.bottom + 0.5) found.push(`marker outside row ${i}`);
        rows.forEach((other, j) => {
          if (j !== i && cellsOf(other).some((c) => hit(m, c))) found.push(`marker of row ${i} on row ${j}`);
        });
      }
    });
    const headers = [...document.querySelectorAll('button[aria-label]')].filter(
      (b) => /^(Node|노드) [A-I], /.test(b.getAttribute('aria-label') ?? '') && b.closest('svg') === null,
    );
    for (const h of headers) {
      const box = h.getBoundingClientRect();
      rows.forEach((row, j) => {
        if (cellsOf(row).some((c) => hit(box, c))) found.push(`${h.getAttribute('aria-label')} on row ${j}`);
      });
      if (h.scrollWidth > h.clientWidth + 1) found.push(`${h.getAttribute('aria-label')} cut off`);
    }
    return found;
  });
}

/** The smallest computed font size of any visible text in the logs panel. */
async function smallestLogText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    const walker = document.createTreeWalker(document.querySelector('.logs')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
    }
    return smallest;
  });
}

for (const layout of LAYOUTS) {
  for (const lang of ['en', 'ko'] as Lang[]) {
    test.describe(`${layout.name} (${lang})`, () => {
      test.use({
        lang,
        viewport: layout.viewport,
        ...(layout.mobile ? { isMobile: true, hasTouch: true } : {}),
      });

      test('Figure 7 at its repair: readable logs, nothing overlapping or moving, axe clean', async ({
        page,
      }, info) => {
        test.setTimeout(90_000);
        await openFigure7(page, layout.query);
        if (layout.present) await page.getByRole('button', { name: /^(Present|발표 모드)$/ }).click();
        await nextPause(page);
        const before = await frame(page);
        await nextPause(page);
        await nextPause(page);
        // A seek (the lesson's jump to its next pause) moves nothing on the screen.
        expect(await frame(page)).toEqual(before);

        if (layout.logs) {
          await expect(page.locator('.logs [role="img"]').first()).toBeAttached();
          expect(await overlaps(page)).toEqual([]);
          expect(await smallestLogText(page)).toBeGreaterThanOrEqual(12);
        }
        await page.screenshot({ path: info.outputPath(`${layout.name}-${lang}.png`) });
        // The scan covers the layout as a class sees it; English only, to keep the run short.
        if (lang === 'en') await expectAxeClean(page);
      });
    });
  }
}
