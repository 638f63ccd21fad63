import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a one-line file at a made-up path with the repo's own eslint.config.js. */
async function lintErrors(file: string, source: string, rule: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const boundaryErrors = (file: string, source: string) => lintErrors(file, source, 'ferry/folder-boundaries');

describe('folder boundaries (eslint ferry/folder-boundaries)', () => {
  it.each([
    ['src-main/links/wrong.ts', "import { mainWindow } from '../shell/mainWindow.ts';\n", 'links/ may not import from shell/'],
    ['src-main/accounts/wrong.ts', "import type { Services } from '../app/services.ts';\n", 'accounts/ may not import from app/'],
    ['src-main/uploads/deep/wrong.ts', "import { run } from '../../cli/run.ts';\n", 'uploads/ may not import from cli/'],
    ['src-main/oss/wrong.ts', "export { wireTray } from '../tray/trayWiring.ts';\n", 'oss/ may not import from tray/'],
    ['src-main/sandbox/oss/wrong.ts', "import { createOssClient } from '../../oss/ossClient.ts';\n", 'sandbox/ may not import from oss/'],
    ['src-main/sandbox/wrong.ts', "import { classify } from '../credentials/classifyStsError.ts';\n", 'sandbox/ may not import from credentials/'],
  ])('refuses %s importing across the boundary', async (file, source, message) => {
    expect(await boundaryErrors(file, source)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['src-main/links/fine.ts', "import type { ClipboardPort } from '../ports/uiPorts.ts';\n"],
    ['src-main/sandbox/oss/fine.ts', "import { crc64 } from '../../crc64/crc64.ts';\n"],
    ['src-main/sandbox/oss/fine.ts', "import { objectKey } from '../storage/objectKey.ts';\n"],
    ['src-main/tray/fine.ts', "import { mainWindow } from '../shell/mainWindow.ts';\n"],
  ])('lets %s import what it may', async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });
});

describe('one network factory (eslint no-restricted-syntax)', () => {
  it.each([
    ['src-main/credentials/wrong.ts', "export const probe = () => fetch('https://sts.aliyuncs.com/');\n", 'Network.fetch'],
    ['src-main/links/wrong.ts', "import { createOssClient } from '../oss/ossClient.ts';\nexport const c = createOssClient({} as never, {} as never);\n", 'Network.ossClient'],
  ])('refuses a request made around the network factory in %s', async (file, source, message) => {
    expect(await lintErrors(file, source, 'no-restricted-syntax')).toEqual([expect.stringContaining(message)]);
  });

  it('lets network/ itself call fetch', async () => {
    expect(await lintErrors('src-main/network/fine.ts', "export const probe = () => fetch('https://sts.aliyuncs.com/');\n", 'no-restricted-syntax')).toEqual([]);
  });
});
