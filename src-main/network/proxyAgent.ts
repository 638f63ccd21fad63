import type http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import { Agent, type AgentConnectOpts } from 'agent-base';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { ProxyFailure, problemFromStatus } from './proxyFailure.ts';
import { proxyLabel } from './proxySettings.ts';

export type PickProxy = (url: string) => Promise<URL | undefined>;

export interface RoutingOptions {
  /** Root certificates for TLS to the servers (through a tunnel or direct); Node's defaults when absent. */
  ca?: readonly string[] | undefined;
  onFailure?: ((failure: ProxyFailure) => void) | undefined;
}

const REFUSED = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ECONNRESET/;

/**
 * The agent ali-oss (through urllib) connects with: per connection it asks `pick` for the proxy of the
 * target and opens a CONNECT tunnel through it (https-proxy-agent), or connects directly when there is
 * none. A proxy that refuses or answers CONNECT with anything but 200 becomes a ProxyFailure instead of
 * an HTTP reply that would look like the server's.
 */
export class ProxyRoutingAgent extends Agent {
  private readonly tunnels = new Map<string, HttpsProxyAgent<string>>();

  constructor(
    private readonly pick: PickProxy,
    private readonly secure: boolean,
    private readonly routing: RoutingOptions = {},
  ) {
    super({ keepAlive: true });
  }

  override async connect(req: http.ClientRequest, options: AgentConnectOpts): Promise<net.Socket> {
    try {
      return await this.open(req, options);
    } catch (error) {
      if (error instanceof ProxyFailure) this.routing.onFailure?.(error);
      throw error;
    }
  }

  private async open(req: http.ClientRequest, options: AgentConnectOpts): Promise<net.Socket> {
    const ca = this.routing.ca ? { ca: [...this.routing.ca] } : {};
    const opts = { ...options, ...ca, secureEndpoint: this.secure } as AgentConnectOpts;
    const host = `${opts.host}:${opts.port}`;
    const proxy = await this.pick(`${this.secure ? 'https' : 'http'}://${host}`);
    if (!proxy) {
      if (!this.secure) return net.connect(opts as net.NetConnectOpts);
      const servername = opts.host && !net.isIP(opts.host) ? opts.host : undefined;
      return tls.connect({ ...(opts as tls.ConnectionOptions), ...(servername ? { servername } : {}) });
    }
    const label = proxyLabel(proxy);
    let status: number | undefined;
    req.once('proxyConnect', (connect: { statusCode: number }) => (status = connect.statusCode));
    let socket: net.Socket;
    try {
      socket = await this.tunnel(proxy).connect(req, opts);
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      throw new ProxyFailure(REFUSED.test(code) ? 'refused' : 'failed', label, host, error);
    }
    if (status !== undefined && status !== 200) {
      socket.destroy();
      throw new ProxyFailure(problemFromStatus(status, Boolean(proxy.username || proxy.password)), label, host);
    }
    return socket;
  }

  private tunnel(proxy: URL): HttpsProxyAgent<string> {
    let agent = this.tunnels.get(proxy.href);
    if (!agent) this.tunnels.set(proxy.href, (agent = new HttpsProxyAgent(proxy.href)));
    return agent;
  }

  /** Keeps no more idle connections: idle ones close now, busy ones when their request is done. */
  closeIdle(): void {
    (this as unknown as { keepAlive: boolean }).keepAlive = false;
    const free = (this as unknown as { freeSockets: Record<string, net.Socket[] | undefined> }).freeSockets;
    for (const sockets of Object.values(free)) for (const socket of sockets ?? []) socket.destroy();
  }

  override destroy(): void {
    for (const agent of this.tunnels.values()) agent.destroy();
    super.destroy();
  }
}
