import { z } from 'zod';
import type { ChannelTable, EventTable } from './channel.ts';
import { TestStepSchema } from './profiles.ts';

/**
 * How Ferry's requests reach the internet: the system's proxy settings (PAC files included), no proxy,
 * or this proxy. The address is checked and written as http(s)://host:port by main before it is saved.
 */
export const NetworkSettingSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('system') }),
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('fixed'), url: z.string().min(1).max(300) }),
]);

/** A proxy as host:port (never with a login). The length first: a huge string never reaches the pattern. */
const ProxyHostSchema = z
  .string()
  .max(300)
  .pipe(z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/));

export const networkChannels = {
  /** The connection test of the active connection, through `setting` (not saved); progress on profiles.testProgress. */
  'network.test': { request: z.object({ setting: NetworkSettingSchema }), reply: z.object({ ok: z.boolean(), steps: z.array(TestStepSchema) }) },
  /**
   * The login for a proxy that asked for one (network.proxyLoginNeeded): main checks it with the proxy,
   * keeps it in the keychain and retries what failed. A wrong login fails with oss.proxyLoginWrong.
   */
  'network.proxyLogin': {
    request: z.object({ proxy: ProxyHostSchema, user: z.string().min(1).max(256), password: z.string().min(1).max(1024) }),
    reply: z.object({}),
  },
} satisfies ChannelTable;

export const networkEvents = {
  /** A proxy (host:port) asks for a login (`wrong`: it refused the one Ferry had). */
  'network.proxyLoginNeeded': z.object({ proxy: ProxyHostSchema, wrong: z.boolean() }),
} satisfies EventTable;
