// A network link between a client and a server on this machine: a TCP proxy that delays each
// direction by half the round trip and lets bytes through no faster than the link's bandwidth, shared
// by every connection (one link, as an office line is). Both sides see the same link: the client's
// requests and the server's replies go through it. Runs in its own process (`node --import tsx
// shapingProxy.ts <target-port> <rtt-ms> <mbit/s>`) so its work does not slow the client it measures;
// it prints `{"port":N}`; each `arm` line on stdin is answered `{"armed":true}`, then
// `{"firstByteAt":<epoch ms>}` at the next byte a client sends (how long Ferry takes to start sending).
//
// Model: each chunk waits for the link to be free, occupies it for its size ÷ bandwidth, then arrives
// RTT/2 later. A new connection carries data only one RTT after it was opened (the TCP handshake).
// Each connection keeps at most WINDOW_BYTES on the link per direction before its sender is paused,
// as a TCP window would (4 MiB: Linux's default maximum send buffer, above this link's
// bandwidth × delay at the rates the benchmarks use).
import { createServer, connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';

const WINDOW_BYTES = 4 * 1024 * 1024;

/** One direction of the link: a serialising queue with a propagation delay. */
class LinkDirection {
  private freeAt = 0;

  constructor(
    private readonly bytesPerMs: number,
    private readonly delayMs: number,
  ) {}

  /** When a chunk of `bytes` handed over at `now` arrives at the far end. */
  arrival(bytes: number, now: number): number {
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + bytes / this.bytesPerMs;
    return this.freeAt + this.delayMs;
  }
}

/** Carries one connection's bytes from `from` to `to` over `link`, in order, with backpressure. */
function carry(from: Socket, to: Socket, link: LinkDirection, openedAt: number, rttMs: number, onData?: () => void): void {
  const queue: { chunk: Buffer; at: number }[] = [];
  let onLink = 0;
  let timer: NodeJS.Timeout | undefined;
  let ended = false;
  const drain = (): void => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && queue[0]!.at <= now + 0.5) {
      const { chunk } = queue.shift()!;
      onLink -= chunk.length;
      if (!to.destroyed) to.write(chunk);
    }
    if (queue.length > 0) timer = setTimeout(drain, Math.max(0, queue[0]!.at - now));
    else if (ended && !to.destroyed) to.end();
    if (onLink < WINDOW_BYTES && !to.writableNeedDrain) from.resume();
  };
  to.on('drain', () => {
    if (onLink < WINDOW_BYTES) from.resume();
  });
  from.on('data', (chunk: Buffer) => {
    onData?.();
    const now = performance.now();
    // Not before the handshake's round trip plus this chunk's own way across.
    queue.push({ chunk, at: Math.max(link.arrival(chunk.length, now), openedAt + rttMs * 1.5) });
    onLink += chunk.length;
    if (onLink >= WINDOW_BYTES || to.writableNeedDrain) from.pause();
    timer ??= setTimeout(drain, Math.max(0, queue[0]!.at - now));
  });
  from.on('end', () => {
    ended = true;
    if (queue.length === 0 && !to.destroyed) to.end();
  });
}

export interface ShapedLink {
  port: number;
  close(): Promise<void>;
}

export function startShapingProxy(targetPort: number, rttMs: number, mbitPerSecond: number, onFirstByte: () => void): Promise<ShapedLink> {
  const bytesPerMs = (mbitPerSecond * 1e6) / 8 / 1000;
  const up = new LinkDirection(bytesPerMs, rttMs / 2);
  const down = new LinkDirection(bytesPerMs, rttMs / 2);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const openedAt = performance.now();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    carry(client, upstream, up, openedAt, rttMs, onFirstByte);
    carry(upstream, client, down, openedAt, rttMs);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : 0,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [targetPort, rttMs, mbit] = process.argv.slice(2).map(Number) as [number, number, number];
  let armed = false;
  const link = await startShapingProxy(targetPort, rttMs, mbit, () => {
    if (!armed) return;
    armed = false;
    process.stdout.write(JSON.stringify({ firstByteAt: Date.now() }) + '\n');
  });
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() !== 'arm') return;
    armed = true;
    process.stdout.write(JSON.stringify({ armed: true }) + '\n');
  });
  process.stdin.on('end', () => void link.close().then(() => process.exit(0)));
  process.stdout.write(JSON.stringify({ port: link.port }) + '\n');
}
