// A TCP proxy in front of the sandbox that counts the bytes clients send through it: the upload bench
// measures what a killed upload and its resume put on the wire, parts cut off mid-body included.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface CountingProxy {
  /** `http://127.0.0.1:<port>`: use it where the target's endpoint would go. */
  endpoint: string;
  /** Bytes received from clients so far (request lines, headers and bodies). */
  sentBytes(): number;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  let sent = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    }
    client.on('data', (chunk: Buffer) => (sent += chunk.length));
    client.pipe(upstream).on('error', () => client.destroy());
    upstream.pipe(client).on('error', () => upstream.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sentBytes: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
