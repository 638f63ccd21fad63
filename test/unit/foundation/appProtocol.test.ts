import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, resolveAppFile } from '../../../src-main/appProtocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/security.ts';

const root = path.resolve('/srv/ferry/renderer');

describe('app:// protocol', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://ferry/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ferry/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://ferry/assets/index-abc.js?x=1#y')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, 'app://ferry/assets/%E4%B8%AD.png')).toBe(path.join(root, 'assets/中.png'));
  });

  it('refuses paths that leave the folder, odd encodings and other hosts', () => {
    // Dot segments the URL parser already folds can never climb above the root.
    for (const url of ['app://ferry/../../etc/passwd', 'app://ferry/%2e%2e/%2e%2e/etc/passwd']) {
      expect(resolveAppFile(root, url)).toBe(path.join(root, 'etc/passwd'));
    }
    for (const url of [
      'app://ferry/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://ferry/..%5c..%5cwindows%5cwin.ini',
      'app://ferry/index.html%00.png',
      'app://ferry/%E0%A4%A',
      'app://evil/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeUndefined();
    }
  });

  it('sends the CSP header with every document, matching the meta tag', () => {
    const headers = appResponseHeaders(path.join(root, 'index.html'));
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    const html = readFileSync('src-renderer/index.html', 'utf8');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  });
});
