/** Screenshots and accessibility checks shared by the e2e specs. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const screenshotDir = path.resolve(import.meta.dirname, '../../artifacts/screenshots');

/** Saves `<screen>-<theme>-<lang>.png` under test/artifacts/screenshots (gitignored). */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  // Transitions finished: a row that just turned "done" is shown with its full bar, as a moment later.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/** axe-core with the WCAG 2.x A/AA rules (contrast included) must find nothing. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const violations = results.violations.map((v) => ({
    screen,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
  }));
  expect(violations).toEqual([]);
}
