import { test, expect, E2E_APP_VERSION, noKeychainReason } from './support/harness.ts';

test('a click in the renderer reaches the real handler table and the answer is rendered', async ({ page, ferry }) => {
  test.skip(Boolean(noKeychainReason), String(noKeychainReason));
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.locator('section', { hasText: 'About Ferry' }).getByText('Details for IT').click();
  const before = ferry.calls.length;
  await page.getByRole('button', { name: 'Run a self-check' }).click();
  // The version only the main-process services know, rendered by the page.
  await expect(page.getByTestId('about-result')).toContainText(`version ${E2E_APP_VERSION}`);
  expect(ferry.calls.slice(before)).toEqual(expect.arrayContaining(['app.info', 'app.ping']));
});

test('a call with a wrong-typed argument is refused by the contract schema, not answered', async ({ page, ferry }) => {
  await ferry.open();
  const failure = await page.evaluate(() =>
    (window.ferry.app.ping as unknown as (x: unknown) => Promise<unknown>)({ text: 42 }).then(
      () => null,
      (error: { code: string; message: string }) => error,
    ),
  );
  expect(failure).toMatchObject({ code: 'app.invalidRequest' });
  expect(failure?.message).toMatch(/did not understand/);
});
