import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appResponseHeaders, resolveAppFile } from '../../../src-main/appProtocol.ts';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../src-main/security.ts';

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

  it('sends the CSP header with every document; the meta tag repeats it except frame-ancestors (header-only)', () => {
    const headers = appResponseHeaders(path.join(root, 'index.html'));
    const header = headers['Content-Security-Policy'] ?? '';
    expect(header).toBe(CONTENT_SECURITY_POLICY);
    expect(header.split('; ')).toContain("frame-ancestors 'none'");
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');

    const html = readFileSync('src-renderer/index.html', 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toHaveLength(1);
    const headerWithoutFrameAncestors = header
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(metas[0]).toBe(headerWithoutFrameAncestors);
    expect(metas[0]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(metas[0]).not.toContain('frame-ancestors');
  });
});
