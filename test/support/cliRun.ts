import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../src-main/cli/command.ts';
import { runCli } from '../../src-main/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, as a terminal would show it. */
export function textSink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      w.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

/**
 * `ferry …` in-process (not a terminal) over the data folder `home`, in `lang`, with `input` on stdin and
 * the test's D-Bus session (the keychain); `env` adds variables such as FERRY_POLICY_FILE.
 */
export async function runFerry(home: string, args: string[], options: { lang?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const stdout = textSink();
  const stderr = textSink();
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const io: CliIo = { stdout, stderr, stdin, isTTY: false };
  const code = await runCli(args, io, { FERRY_HOME: home, FERRY_LANG: options.lang ?? 'en', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS, ...options.env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
