import { describe, expect, it } from 'vitest';
import { dispatch, type HandlerTable } from '../../../src-main/app/dispatch.ts';
import { FerryError } from '../../../src-main/errors/ferryError.ts';

const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function table(overrides: Partial<HandlerTable>): HandlerTable {
  return overrides as HandlerTable;
}

describe('dispatch', () => {
  it('lets only declared reply fields cross: a stray secret is dropped by the allow-list', async () => {
    const handlers = table({
      'app.ping': () => ({ text: 'pong', receivedAt: 5, accessKeySecret: secret }) as never,
    });
    const envelope = await dispatch(handlers, 'app.ping', { text: 'x' }, { lang: 'en' });
    expect(envelope).toEqual({ ok: true, value: { text: 'pong', receivedAt: 5 } });
    expect(JSON.stringify(envelope)).not.toContain(secret);
  });

  it('turns a thrown error into a plain message without stack, secret or raw text', async () => {
    const handlers = table({
      'app.ping': () => {
        throw new Error(`<Error><Code>SignatureDoesNotMatch</Code><Secret>${secret}</Secret></Error>`);
      },
    });
    for (const lang of ['en', 'zh-CN'] as const) {
      const envelope = await dispatch(handlers, 'app.ping', { text: 'x' }, { lang });
      expect(envelope.ok).toBe(false);
      const text = JSON.stringify(envelope);
      expect(text).not.toContain(secret);
      expect(text).not.toContain('<Error>');
      expect(text).not.toMatch(/\n\s+at /);
      if (!envelope.ok) expect(envelope.error.code).toBe('app.unexpected');
    }
  });

  it('uses the FerryError code and the user language', async () => {
    const handlers = table({ 'app.ping': () => { throw new FerryError('app.forbiddenSender'); } });
    const en = await dispatch(handlers, 'app.ping', { text: 'x' }, { lang: 'en' });
    const zh = await dispatch(handlers, 'app.ping', { text: 'x' }, { lang: 'zh-CN' });
    expect(en).toEqual({ ok: false, error: { code: 'app.forbiddenSender', message: 'This request did not come from a Ferry window and was refused.' } });
    expect(zh).toEqual({ ok: false, error: { code: 'app.forbiddenSender', message: '此请求并非来自 Ferry 窗口，已被拒绝。' } });
  });

  it('refuses unknown channels', async () => {
    const envelope = await dispatch(table({}), 'constructor', {}, { lang: 'en' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'app.invalidRequest' } });
  });
});
