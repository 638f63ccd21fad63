import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiShape, eventChannels, invokeChannels, ipcName, pageChannels, preloadChannels } from '../../../src-main/contract.ts';

// The real preload.ts runs against a recording stand-in for Electron's preload modules (there is no
// Electron binary here); the test checks what it exposes and what it sends.
const exposed: Record<string, unknown> = {};
const invoked: { channel: string; argument: unknown }[] = [];
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (channel: string, argument: unknown) => {
      invoked.push({ channel, argument });
      return channel === ipcName('app.ping')
        ? { ok: true, value: { text: 'pong', receivedAt: 1 } }
        : { ok: false, error: { code: 'app.invalidRequest', message: 'nope' } };
    },
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
  webUtils: { getPathForFile: () => '/home/someone/report.pdf' },
}));

describe('preload', () => {
  beforeEach(async () => {
    invoked.length = 0;
    // Not a top import: preload.ts calls the mocked electron as it loads, which needs `exposed` above.
    await import('../../../src-main/preload.ts');
  });

  it('exposes exactly the contract: one namespace per channel group, on() and dropFiles()', () => {
    expect(Object.keys(exposed)).toEqual(['ferry']);
    const api = exposed.ferry as Record<string, Record<string, unknown>>;
    const expected = { ...apiShape() };
    const namespaces = Object.keys(api).filter((k) => k !== 'on' && k !== 'dropFiles');
    expect(namespaces.sort()).toEqual(Object.keys(expected).sort());
    for (const [ns, methods] of Object.entries(expected)) {
      expect(Object.keys(api[ns]!).sort()).toEqual([...methods].sort());
    }
    expect(typeof api.on).toBe('function');
    expect(typeof api.dropFiles).toBe('function');
    for (const forbidden of ['ipcRenderer', 'require', 'process', 'Buffer', 'invoke', 'send']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends calls on ferry:<channel> and rejects failures with a plain { code, message }', async () => {
    const api = exposed.ferry as { app: { ping(a: unknown): Promise<unknown>; info(): Promise<unknown> } };
    await expect(api.app.ping({ text: 'hi' })).resolves.toEqual({ text: 'pong', receivedAt: 1 });
    await expect(api.app.info()).rejects.toEqual({ code: 'app.invalidRequest', message: 'nope' });
    expect(invoked.map((c) => c.channel)).toEqual([ipcName('app.ping'), ipcName('app.info')]);
    expect(Object.keys(invokeChannels)).toContain('app.ping');
  });

  it('hands listeners the payload only, never the IPC event, and unsubscribes', () => {
    const api = exposed.ferry as { on(e: string, l: (...a: unknown[]) => void): () => void };
    const received: unknown[][] = [];
    const off = api.on('settings.changed', (...args) => received.push(args));
    const channel = ipcName('settings.changed');
    listeners.get(channel)!({ sender: 'secret-ipc-event' }, { language: 'en' });
    expect(received).toEqual([[{ language: 'en' }]]);
    off();
    expect(listeners.has(channel)).toBe(false);
    expect(api.on('not.an.event', () => {})).toBeTypeOf('function');
    expect(listeners.size).toBe(0);
    expect(Object.keys(eventChannels)).toContain('settings.changed');
  });

  it('turns dropped files into paths in the preload and sends them on a channel the page has no method for', async () => {
    const api = exposed.ferry as { dropFiles(files: unknown[]): Promise<unknown> };
    await api.dropFiles([new File(['x'], 'report.pdf')]).catch(() => undefined);
    expect(invoked.at(-1)).toEqual({ channel: ipcName('uploads.drop'), argument: { paths: ['/home/someone/report.pdf'] } });
    expect(apiShape().uploads).not.toContain('drop');
  });

  it('resolves only real File objects: a look-alike carrying a path gets none', async () => {
    const api = exposed.ferry as { dropFiles(files: unknown[]): Promise<unknown> };
    await api.dropFiles([{ name: 'id_ed25519', path: '/home/someone/.ssh/id_ed25519' }]).catch(() => undefined);
    expect(invoked.at(-1)).toEqual({ channel: ipcName('uploads.drop'), argument: { paths: [] } });
  });

  it('gives the page no method that takes a filesystem path or a URL to open', () => {
    expect(apiShape().uploads).not.toContain('add');
    expect(apiShape().app).not.toContain('openExternal');
    const takesPaths = (request: z.ZodType) =>
      propertyNames(z.toJSONSchema(request, { io: 'input', unrepresentable: 'any' })).filter((n) => /path|^files?$/i.test(n));
    for (const [channel, spec] of Object.entries(pageChannels)) expect(takesPaths(spec.request), channel).toEqual([]);
    expect(takesPaths(preloadChannels['uploads.drop'].request)).toEqual(['paths']);
  });
});

/** Every property name anywhere in a JSON schema. */
function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const own = 'properties' in schema && typeof schema.properties === 'object' ? Object.keys(schema.properties as object) : [];
  return [...own, ...Object.values(schema).flatMap(propertyNames)];
}
