/**
 * Secrets must never reach a log line. Two defences: every secret Ferry handles is registered here as
 * soon as it is read (keychain, STS replies, pasted credentials) and scrubbed from any text; and share
 * links, which are bearer tokens, lose their signature and token parameters.
 */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 8) secrets.add(value);
}

export function forgetSecret(value: string): void {
  secrets.delete(value);
}

const SENSITIVE_QUERY = /^(signature|x-oss-signature|security-token|x-oss-security-token|x-oss-credential|ossaccesskeyid|accesskeysecret|securitytoken)$/i;

/** A share link safe to log: host, path and harmless parameters only. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '[unparseable url]';
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (SENSITIVE_QUERY.test(key)) parsed.searchParams.set(key, 'REDACTED');
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>]+/g;

/** Scrubs registered secrets and signed URLs from free text. */
export function redactText(text: string): string {
  let out = text.replace(URL_PATTERN, (url) => redactUrl(url));
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  }
  return out;
}
