import { test, expect, E2E_APP_VERSION } from './support/harness.ts';

test('a click in the renderer reaches the real handler table and the answer is rendered', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: 'Ping' }).click();
  await expect(page.getByTestId('ping-reply')).toHaveText('pong: hello');
  expect(ferry.calls).toContain('app.ping');
  expect(E2E_APP_VERSION).toBeTruthy();
});
