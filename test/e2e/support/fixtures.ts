import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from './harness.ts';

export interface Fixture {
  name: string;
  path: string;
  bytes: Buffer;
}

/** Writes files with random content under the test's FERRY_HOME-side folder and registers them for drops. */
export async function makeFixtures(ferry: Harness, specs: { name: string; size: number }[]): Promise<Fixture[]> {
  const dir = `${ferry.home}-files`;
  mkdirSync(dir, { recursive: true });
  const fixtures: Fixture[] = [];
  for (const spec of specs) {
    const bytes = randomBytes(spec.size);
    const file = path.join(dir, spec.name);
    writeFileSync(file, bytes);
    await ferry.registerFixture(spec.name, file);
    fixtures.push({ name: spec.name, path: file, bytes });
  }
  return fixtures;
}

/** Drops File objects on the window the way a file manager does (a DataTransfer carrying the files). */
export async function dropFiles(page: Page, names: string[]): Promise<void> {
  const dataTransfer = await page.evaluateHandle((fileNames) => {
    const transfer = new DataTransfer();
    for (const name of fileNames) transfer.items.add(new File([new Uint8Array(1)], name));
    return transfer;
  }, names);
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragenter', { dataTransfer });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
}
