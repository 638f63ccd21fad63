/**
 * Debian's tinyproxy (installed by .ci/run) on 127.0.0.1, in the foreground with a temp config, for
 * tests. Its outgoing connections come from 127.0.0.2 (`Bind`), so a gate in front of the sandbox can
 * tell them from direct ones. Closed when the test ends.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { closeWhenTestEnds, tempDir } from '../../support/integrationHarness.ts';

export const TINYPROXY = '/usr/bin/tinyproxy';
export const noTinyproxyReason: string | false = existsSync(TINYPROXY) ? false : 'tinyproxy is not installed (.ci/run installs it)';

/** Where the proxy's outgoing connections come from. */
export const PROXY_SOURCE = '127.0.0.2';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Tinyproxy {
  /** http://127.0.0.1:port (no login). */
  url: string;
  port: number;
  /** The proxy's log so far (CONNECT lines name every tunnel it opened). */
  log(): Promise<string>;
  close(): Promise<void>;
}

export async function startTinyproxy(options: { login?: { user: string; password: string }; block?: string[] } = {}): Promise<Tinyproxy> {
  const dir = (await tempDir('tinyproxy')).dir;
  const port = await freePort();
  const logFile = path.join(dir, 'proxy.log');
  const lines = [`Port ${port}`, 'Listen 127.0.0.1', `Bind ${PROXY_SOURCE}`, 'Timeout 30', 'LogLevel Connect', `LogFile "${logFile}"`, 'MaxClients 50', 'Allow 127.0.0.1'];
  if (options.login) lines.push(`BasicAuth ${options.login.user} ${options.login.password}`);
  if (options.block) {
    await writeFile(path.join(dir, 'filter'), options.block.map((host) => `^${host.replace(/\./g, '\\.')}$`).join('\n') + '\n');
    lines.push(`Filter "${path.join(dir, 'filter')}"`, 'FilterExtended Yes', 'FilterDefaultDeny No');
  }
  await writeFile(path.join(dir, 'tinyproxy.conf'), lines.join('\n') + '\n');
  const child = spawn(TINYPROXY, ['-d', '-c', path.join(dir, 'tinyproxy.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let attempt = 0; ; attempt++) {
    const ready = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ready) break;
    if (attempt > 100 || child.exitCode !== null) throw new Error(`tinyproxy did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return closeWhenTestEnds({
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    async close() {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  });
}

export interface Gate {
  url: string;
  /** Connections that came through the proxy, and ones that came straight from Ferry (refused). */
  counts: { viaProxy: number; direct: number };
  close(): Promise<void>;
}

/** A TCP gate in front of `target` (http://127.0.0.1:port) that lets only the proxy's connections in. */
export async function gateTo(target: () => string): Promise<Gate> {
  const counts = { viaProxy: 0, direct: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    if (socket.remoteAddress !== PROXY_SOURCE && socket.remoteAddress !== `::ffff:${PROXY_SOURCE}`) {
      counts.direct += 1;
      socket.destroy();
      return;
    }
    counts.viaProxy += 1;
    const { hostname, port } = new URL(target());
    const upstream = net.connect(Number(port), hostname);
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    socket.once('error', () => upstream.destroy());
    upstream.once('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return closeWhenTestEnds({
    url: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
