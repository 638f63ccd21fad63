/**
 * A small HTTP CONNECT proxy on 127.0.0.1 that cuts every open tunnel once, when `cutAfterBytes` bytes
 * have gone up through it: an office proxy dropping connections in the middle of an upload. It reads the
 * request lines going up each tunnel (the sandbox speaks plain HTTP inside), so a test can see which
 * parts were sent, and how often.
 */
import net from 'node:net';
import { closeWhenTestEnds } from '../../support/integrationHarness.ts';

const REQUEST_LINE = /(PUT|POST|GET|DELETE|HEAD) (\/\S*) HTTP\/1\.1\r\n/g;

export interface DroppingProxy {
  url: string;
  /** "PUT /bucket/key?partNumber=3&…" for every request that went up a tunnel. */
  requests: string[];
  /** Tunnels cut (all that were open at the cut). */
  cut: number;
  /** Tunnels open right now. */
  open(): number;
  close(): Promise<void>;
}

export async function droppingProxy(options: { cutAfterBytes: number }): Promise<DroppingProxy> {
  const tunnels = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let upBytes = 0;
  const state: DroppingProxy = { url: '', requests: [], cut: 0, open: () => tunnels.size, close: async () => undefined };
  const cutAll = (): void => {
    state.cut = tunnels.size;
    for (const { client, upstream } of tunnels) {
      client.destroy();
      upstream.destroy();
    }
  };
  const server = net.createServer((client) => {
    let head = Buffer.alloc(0);
    client.on('error', () => undefined);
    const onHead = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.off('data', onHead);
      const target = /^CONNECT (\S+):(\d+) HTTP/.exec(head.toString('latin1'));
      if (!target) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      const upstream = net.connect(Number(target[2]), target[1]!, () => client.write('HTTP/1.1 200 Connection Established\r\n\r\n'));
      const tunnel = { client, upstream };
      tunnels.add(tunnel);
      const forget = (): void => void tunnels.delete(tunnel);
      client.once('close', () => (forget(), upstream.destroy()));
      upstream.once('close', () => (forget(), client.destroy()));
      upstream.on('error', () => client.destroy());
      upstream.on('data', (data: Buffer) => client.write(data));
      let pending = '';
      client.on('data', (data: Buffer) => {
        pending += data.toString('latin1');
        let lastEnd = 0;
        for (const match of pending.matchAll(REQUEST_LINE)) {
          state.requests.push(`${match[1]} ${match[2]}`);
          lastEnd = match.index + match[0].length;
        }
        pending = pending.slice(Math.max(lastEnd, pending.length - 200));
        upBytes += data.length;
        if (state.cut === 0 && upBytes >= options.cutAfterBytes) {
          upstream.write(data, () => cutAll()); // this chunk reaches the server, then every tunnel drops
          return;
        }
        upstream.write(data);
      });
    };
    client.on('data', onHead);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => (cutAll(), server.close(() => resolve())));
  return closeWhenTestEnds(state);
}
