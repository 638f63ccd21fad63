import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureLogging } from '../../../src-main/log/logger.ts';
import { noKeyringReason } from '../../support/integrationHarness.ts';
import { linksHarness } from './linksHarness.ts';

describe.skipIf(noKeyringReason)('share links never reach the log or the ledger in usable form', () => {
  it('logs links redacted and keeps no signature, token or credential in the data folder', async () => {
    const h = await linksHarness();
    const logDir = path.join(h.home, 'logs');
    configureLogging({ dir: logDir, level: 'debug' });
    const key = await h.put('秘密 plan.txt', Buffer.from('x'));
    const link = await h.services.links.service.copy({ objectKey: key, sourceIp: '127.0.0.1' }, 'en');
    const url = new URL(link.url);
    const secrets = ['x-oss-signature', 'x-oss-security-token', 'x-oss-credential'].map((p) => url.searchParams.get(p)!);
    for (const s of secrets) expect(s.length).toBeGreaterThan(8);

    const log = await readFile(path.join(logDir, 'ferry.log'), 'utf8');
    expect(log).toContain('link made');
    expect(log).toContain('REDACTED');
    const ledger = await readFile(h.services.links.ledger.file, 'utf8');
    for (const text of [log, ledger]) {
      for (const s of secrets) {
        expect(text).not.toContain(s);
        expect(text).not.toContain(encodeURIComponent(s));
      }
    }
  });
});
