import { readFileSync } from 'node:fs';
import tls from 'node:tls';

type GetCaCertificates = (type: 'default' | 'system' | 'bundled' | 'extra') => string[];

/**
 * The root certificates Ferry's requests to OSS, STS and token services trust: the operating system's
 * store where Node can read it (`tls.getCACertificates('system')`, Node 22.15+, so the Electron app
 * trusts the company certificate IT installed, as Chromium does), Node's defaults (with
 * NODE_EXTRA_CA_CERTS), and `extra`. Undefined when that is just Node's defaults, which then apply
 * unchanged. Given explicitly, `ca` replaces Node's defaults, so they are listed here too.
 */
export function trustedCertificates(extra: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const get = (tls as unknown as { getCACertificates?: GetCaCertificates }).getCACertificates;
  if (get) return unique([...get('default'), ...get('system'), ...extra]);
  if (extra.length === 0) return undefined;
  return unique([...tls.rootCertificates, ...extraFromEnv(env), ...extra]);
}

/** What NODE_EXTRA_CA_CERTS names (Node adds it to its defaults itself, but not to an explicit `ca`). */
function extraFromEnv(env: NodeJS.ProcessEnv): string[] {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

function unique(certificates: string[]): string[] {
  return [...new Set(certificates.map((pem) => pem.trim()))];
}
