/**
 * Secrets must never reach a log line. Two defences: every secret Ferry handles is registered here as
 * soon as it is read (keychain, STS replies, pasted credentials) and scrubbed from any text in every form
 * text carries it in; and credentials Ferry cannot register (signatures, tokens in share links, request
 * headers and bodies) are found by the parameter or header that carries them, with or without a URL around.
 */

const secrets = new Map<string, string[]>();
let secretPattern: RegExp | undefined;

/** The secret as is, URL-encoded (either escape case, `+` or `%20` for space) and JSON-escaped. */
function formsOf(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const encoded = [uri, uri.replace(/%20/g, '+'), new URLSearchParams({ s: secret }).toString().slice(2)];
  const lowerEscapes = encoded.map((e) => e.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), ...encoded, ...lowerEscapes])];
}

export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 8 || secrets.has(value)) return;
  secrets.set(value, formsOf(value));
  secretPattern = undefined;
}

export function forgetSecret(value: string): void {
  if (secrets.delete(value)) secretPattern = undefined;
}

function scrubSecrets(text: string): string {
  if (secrets.size === 0) return text;
  secretPattern ??= secretsPattern();
  return text.replace(secretPattern, '[REDACTED]');
}

function secretsPattern(): RegExp {
  // Longest first, so a secret that contains another (a keychain entry holds its AccessKeySecret) goes whole.
  const forms = [...secrets.values()].flat().sort((a, b) => b.length - a.length);
  return new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

/** Names of query parameters, form fields, headers and JSON keys whose value is a credential. */
const CREDENTIAL_NAME = String.raw`(?:x-oss-)?signature|(?:x-oss-|x-acs-)?security-token|securitytoken|x-oss-credential|ossaccesskeyid|accesskeysecret`;
const CREDENTIAL_KEY = new RegExp(`^(?:${CREDENTIAL_NAME}|(?:proxy-)?authorization)$`, 'i');

// `name=value`, `name: value` or `"name":"value"`. Values stop at `\` too, so the pass over a serialised
// log line never swallows half of a JSON escape.
const CREDENTIAL_PARAM = new RegExp(String.raw`(?<![\w-])(${CREDENTIAL_NAME})(["']?\s*[:=]\s*["']?)[^&\s"'<>,;\\]+`, 'gi');
// The whole header value: `OSS id:signature`, `OSS4-HMAC-SHA256 Credential=…, Signature=…`.
const AUTHORIZATION = /(?<!\w)(authorization["']?\s*[:=]\s*["']?)[^\r\n"'\\]+/gi;
const URL_PATTERN = /\bhttps?:\/\/[^\s"'<>\\]+/gi;

/** A share link safe to log: host, path and harmless parameters only. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '[unparseable url]';
  }
  for (const key of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_KEY.test(key)) parsed.searchParams.set(key, 'REDACTED');
  }
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/** Scrubs registered secrets, signed URLs, credential parameters and Authorization headers from free text. */
export function redactText(text: string): string {
  return scrubSecrets(text)
    .replace(URL_PATTERN, (url) => redactUrl(url))
    .replace(AUTHORIZATION, '$1REDACTED')
    .replace(CREDENTIAL_PARAM, '$1$2REDACTED');
}

/**
 * A log field made safe before it is serialised: strings redacted wherever they are nested, values under
 * credential-named keys dropped, Errors kept as name, message and stack (JSON.stringify would write `{}`).
 */
export function redactValue(value: unknown, ancestors = new Set<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[circular]';
  ancestors.add(value);
  try {
    if (value instanceof Error) {
      const { name, message, stack, cause } = value;
      return redactValue({ name, message, stack, code: (value as { code?: unknown }).code, cause }, ancestors);
    }
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return redactValue(toJSON.call(value), ancestors);
    if (Array.isArray(value)) return value.map((item) => redactValue(item, ancestors));
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, CREDENTIAL_KEY.test(key) ? 'REDACTED' : redactValue(item, ancestors)]),
    );
  } finally {
    ancestors.delete(value);
  }
}
