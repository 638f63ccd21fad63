import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeChannels, ipcName } from '../../../src-main/contract.ts';
import { registerIpc, senderCheck } from '../../../src-main/ipc.ts';
import { buildHandlerTable } from '../../../src-main/app/handlers/handlerTable.ts';
import { createServices } from '../../../src-main/app/services.ts';
import { recordingPorts } from '../../../src-main/ports/recordingPorts.ts';

async function setup() {
  const services = await createServices({
    home: mkdtempSync(path.join(os.tmpdir(), 'ferry-ipc-')),
    ports: recordingPorts(),
    appVersion: '9.9.9',
    systemLocale: () => 'zh-CN',
  });
  const registered = new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>();
  const ipcMain = { handle: (name: string, fn: (event: unknown, raw: unknown) => Promise<unknown>) => void registered.set(name, fn) };
  const ours = [{ id: 7 }];
  registerIpc(ipcMain as never, buildHandlerTable(services), { isTrusted: senderCheck(() => ours), lang: () => services.lang() });
  const mainFrame = (url: string) => ({ url, parent: null });
  return { registered, mainFrame };
}

describe('ipc', () => {
  it('registers every contract channel and nothing else', async () => {
    const { registered } = await setup();
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeChannels).map((c) => ipcName(c as never)).sort());
  });

  it('runs a call from our window on app://ferry through the real handler', async () => {
    const { registered, mainFrame } = await setup();
    const reply = await registered.get(ipcName('app.ping'))!({ sender: { id: 7 }, senderFrame: mainFrame('app://ferry/index.html') }, { text: 'hi' });
    expect(reply).toMatchObject({ ok: true, value: { text: 'pong: hi' } });
  });

  it('drops calls from other windows, other origins and subframes', async () => {
    const { registered, mainFrame } = await setup();
    const ping = registered.get(ipcName('app.ping'))!;
    const senders = [
      { sender: { id: 8 }, senderFrame: mainFrame('app://ferry/index.html') },
      { sender: { id: 7 }, senderFrame: mainFrame('https://evil.example/') },
      { sender: { id: 7 }, senderFrame: mainFrame('file:///tmp/x.html') },
      { sender: { id: 7 }, senderFrame: { url: 'app://ferry/index.html', parent: {} } },
      { sender: { id: 7 }, senderFrame: null },
    ];
    for (const event of senders) {
      expect(await ping(event, { text: 'hi' })).toEqual({
        ok: false,
        error: { code: 'app.forbiddenSender', message: '此请求并非来自 Ferry 窗口，已被拒绝。' },
      });
    }
  });

  it('answers the preload-only uploads.drop behind the same sender check', async () => {
    const { registered, mainFrame } = await setup();
    const drop = registered.get(ipcName('uploads.drop'))!;
    const reply = await drop({ sender: { id: 7 }, senderFrame: mainFrame('https://evil.example/') }, { paths: ['/etc/passwd'] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'app.forbiddenSender' } });
  });

  it('rejects a wrong-typed argument with the schema, in plain language', async () => {
    const { registered, mainFrame } = await setup();
    const ping = registered.get(ipcName('app.ping'))!;
    const event = { sender: { id: 7 }, senderFrame: mainFrame('app://ferry/') };
    for (const bad of [{ text: 42 }, 'hi', undefined, { text: 'x'.repeat(201) }]) {
      const reply = (await ping(event, bad)) as { ok: boolean; error: { code: string; message: string } };
      expect(reply.ok).toBe(false);
      expect(reply.error.code).toBe('app.invalidRequest');
      expect(reply.error.message).not.toMatch(/zod|Expected|at \w+ \(/);
    }
  });
});
