import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a one-line file at a made-up path with the repo's own eslint.config.js. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(source, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'ferry/folder-boundaries').map((m) => m.message);
}

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
