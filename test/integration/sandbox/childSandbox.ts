import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const FERRY = fileURLToPath(new URL('../../../src-main/cli/ferry.mjs', import.meta.url));

export interface Announcement {
  ossEndpoint: string;
  stsEndpoint: string;
  region: string;
  bucket?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  roleArn?: string;
}

export interface ChildSandbox {
  child: ChildProcess;
  announcement: Announcement;
  /** Every stdout line after the first. */
  extraLines: string[];
  exited: Promise<number | null>;
}

/** Runs `ferry sandbox` as a child process and waits for its one JSON line. */
export async function spawnSandbox(home: string, args: string[], config?: unknown): Promise<ChildSandbox> {
  const fullArgs = [...args];
  if (config !== undefined) {
    const file = path.join(home, 'sandbox-config.json');
    writeFileSync(file, JSON.stringify(config));
    fullArgs.push('--config', file);
  }
  const child = spawn(process.execPath, [FERRY, 'sandbox', ...fullArgs], {
    env: { ...process.env, FERRY_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout! });
  const extraLines: string[] = [];
  const first = await new Promise<string>((resolve, reject) => {
    let seen = false;
    lines.on('line', (line) => {
      if (!seen) {
        seen = true;
        resolve(line);
      } else extraLines.push(line);
    });
    void exited.then((code) => reject(new Error(`ferry sandbox exited (${code}) before announcing: ${stderr}`)));
  });
  return { child, announcement: JSON.parse(first) as Announcement, extraLines, exited };
}
