import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main.ts';
import { escapeForTerminal } from '../../../src-main/cli/terminalText.ts';

/** Any C0/C1 control but the newline, DEL, a bidi control or a line/paragraph separator. */
const RAW = /(?!\n)[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/u;

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCli(args, { stdout, stderr, stdin: new PassThrough(), isTTY: true }, { FERRY_LANG: 'en', FERRY_HOME: '/nonexistent-ferry-home' });
  return { code, stdout: out, stderr: err };
}

describe('CLI output cannot drive the terminal', () => {
  it('escapes controls and bidi characters as visible \\uXXXX text, keeping line breaks', () => {
    expect(escapeForTerminal('a\u001b]0;t\u0007b\u009b\u202e\r\n')).toBe('a\\u001b]0;t\\u0007b\\u009b\\u202e\\u000d\n');
    expect(escapeForTerminal('报告 עברית 👨‍👩‍👧.pdf')).toBe('报告 עברית 👨‍👩‍👧.pdf');
  });

  it('an unknown command named with escape sequences is echoed escaped', async () => {
    const { code, stderr } = await run(['\u001b]0;owned\u0007\u202eevil']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW);
    expect(stderr).toContain('Unknown command "\\u001b]0;owned\\u0007\\u202eevil"');
  });

  it('usage errors from a command are escaped too', async () => {
    const { code, stderr } = await run(['upload', '--\u009b2Jx']);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(RAW);
    expect(stderr).toContain('--\\u009b2Jx');
  });

  it('escaped JSON stays valid and parses back to the same value', () => {
    const value = { name: 'invoice\u202efdp\u0085\u2028.exe\u001b' };
    const line = escapeForTerminal(JSON.stringify(value));
    expect(line).not.toMatch(RAW);
    expect(JSON.parse(line)).toEqual(value);
  });
});
