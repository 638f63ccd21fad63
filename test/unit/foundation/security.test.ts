import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  secureWebPreferences,
} from '../../../src-main/security.ts';

type Listener = (event: { preventDefault(): void; defaultPrevented?: boolean }, url: string) => void;

/** Records what the hardening function registers, then lets the test fire those handlers. */
function recordingContents() {
  const on = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on(name: string, listener: Listener) {
      on.set(name, listener);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
    fire(name: string, url = '') {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      on.get(name)!(event, url);
      return event.defaultPrevented;
    },
    openWindow: (url: string) => openHandler!({ url }).action,
  };
}

describe('window security', () => {
  it('uses isolated, sandboxed webPreferences with no Node in the page', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', { isPackaged: true });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('allows devtools only in an unpackaged build that asks for them', () => {
    const asked = { FERRY_DEVTOOLS: '1' };
    expect(secureWebPreferences('/p', { isPackaged: true, env: asked }).devTools).toBe(false);
    expect(secureWebPreferences('/p', { isPackaged: false, env: asked }).devTools).toBe(true);
    expect(secureWebPreferences('/p', { isPackaged: false, env: {} }).devTools).toBe(false);
  });

  it('denies navigation away from app://ferry, webviews and every new window', () => {
    const contents = recordingContents();
    hardenWebContents(contents as never);
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other/index.html')).toBe(true);
    expect(contents.fire('will-navigate', 'app://ferry/index.html#/links')).toBe(false);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.fire('will-attach-webview')).toBe(true);
    expect(contents.openWindow('https://example.com/')).toBe('deny');
    expect(contents.openWindow('app://ferry/index.html')).toBe('deny');
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...a: unknown[]) => boolean) | undefined;
    hardenSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | undefined;
      request!(null, permission, (ok) => (answer = ok));
      expect(answer).toBe(false);
      expect(check!(null, permission, 'app://ferry')).toBe(false);
    }
  });

  it('has a strict CSP: no inline or remote script, no network from the page', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
