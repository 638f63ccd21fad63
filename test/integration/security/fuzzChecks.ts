/**
 * What the channel fuzz asserts about one call: the reply envelope, the prototypes, the state before and
 * after, and the protected state after an accepted call. Each check returns problems as short sentences
 * (never the argument, never a secret) so one run can list every finding.
 */
import { isDeepStrictEqual } from 'node:util';
import { catalogs, isTextKey } from '../../../src-main/i18n/text.ts';
import type { FuzzWorld, Snapshot } from './fuzzWorld.ts';
import { TRAVERSAL_TARGET } from './hostileValues.ts';

/** Text that only a raw error, a schema library or a stack trace would put in a message. */
const RAW_TEXT = /ZodError|\bzod\b|Invalid input|Expected \w+, received|\b(?:Type|Range|Reference|Syntax)Error\b|\bError:|^Error\b|\n\s*at |\bat \S+ \(|node_modules|\.[cm]?[jt]s:\d+|ENOENT|EACCES|EISDIR|ECONNREFUSED|\[object Object\]/;
const PLACEHOLDER = /\{[A-Za-z_]\w*\}/;
const CREDENTIAL = /security-?token|x-oss-signature|accesskeysecret|Signature=|OSSAccessKeyId/i;

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' ? Object.keys(value).sort() : [];
}

function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length >= 4 && text.includes(s));
}

/** Text safe to put in a problem line: cut short, and withheld whole if it carries a credential or secret. */
export function printable(text: string, secrets: readonly string[]): string {
  return CREDENTIAL.test(text) || containsSecret(text, secrets) ? '(withheld: it carries a credential, a secret or a local path)' : text.slice(0, 160);
}

/** Problems with one reply: shape, a known plain-language message, no secret or path. */
export function envelopeProblems(reply: unknown, secrets: readonly string[]): string[] {
  const problems: string[] = [];
  const keys = keysOf(reply).join(',');
  if (keys !== 'error,ok' && keys !== 'ok,value') return [`reply is not an envelope (keys: ${keys || typeof reply})`];
  const envelope = reply as { ok: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (envelope.ok === true) {
    if (!('value' in envelope)) problems.push('ok reply without a value');
    if (containsSecret(JSON.stringify(envelope.value) ?? '', secrets)) problems.push('ok reply carries a secret or a local path');
    return problems;
  }
  if (envelope.ok !== false || keys !== 'error,ok') return ['reply has neither ok:true nor ok:false'];
  const error = envelope.error;
  if (keysOf(error).join(',') !== 'code,message') return [`error has keys ${keysOf(error).join(',') || 'none'}, not code,message`];
  const { code, message } = error as { code: unknown; message: unknown };
  if (typeof code !== 'string' || typeof message !== 'string') return ['error code or message is not a string'];
  if (!isTextKey(code)) problems.push(`unknown error code ${code}`);
  if (code === 'app.unexpected') problems.push('app.unexpected: a raw exception escaped a handler');
  if (message.length === 0 || message.length > 600) problems.push(`message length ${message.length}`);
  if (RAW_TEXT.test(message)) problems.push(`message looks raw: ${printable(message, secrets)}`);
  if (PLACEHOLDER.test(message)) problems.push(`message has an unfilled placeholder: ${printable(message, secrets)}`);
  if (CREDENTIAL.test(message) || containsSecret(message, secrets)) problems.push(`message (code ${code}) carries a secret or a local path`);
  const template = catalogs.en[code];
  if (template && !template.includes('{') && message !== template && message !== catalogs['zh-CN'][code]) {
    problems.push(`message for ${code} is not the catalog's`);
  }
  return problems;
}

/** Own property names of the built-in prototypes, to see that nothing was added to them. */
export function prototypeFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Promise.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

export function pollutionProblems(fingerprint: string): string[] {
  const probe = {} as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of ['polluted', 'isAdmin', '0']) if (probe[key] !== undefined) problems.push(`Object.prototype.${key} is set`);
  if (prototypeFingerprint() !== fingerprint) problems.push('a built-in prototype gained or lost a property');
  return problems;
}

/**
 * Which named parts changed, with the first difference of each (snapshots hold no secrets). A refusal
 * that is the person's own answer in a confirmation dialog (`…Cancelled`) may have asked: one more
 * dialog call is allowed then, and nothing else.
 */
export function snapshotDiff(before: Snapshot, after: Snapshot, code?: string): string[] {
  const out: string[] = [];
  if (code?.endsWith('Cancelled')) {
    const ports = (s: Snapshot): Record<string, unknown> => s.ports as Record<string, unknown>;
    const asked = (ports(after).dialogCalls as number) - (ports(before).dialogCalls as number);
    if (asked !== 1) out.push(`a ${code} refusal made ${asked} dialog calls (expected exactly one question)`);
    before = { ...before, ports: { ...ports(before), dialogCalls: ports(after).dialogCalls } };
  }
  for (const part of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (isDeepStrictEqual(before[part], after[part])) continue;
    const a = JSON.stringify(before[part]) ?? 'undefined';
    const b = JSON.stringify(after[part]) ?? 'undefined';
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const from = Math.max(0, i - 40);
    out.push(`${part} changed: …${a.slice(from, i + 80)}… → …${b.slice(from, i + 80)}…`);
  }
  return out;
}

/**
 * After an accepted call: the protected state is still there (sandbox profile, its key, the objects, the
 * link), and — for a page channel — no file outside what the user chose was newly queued or uploaded
 * (preload channels carry paths the preload resolved from dropped Files; the page cannot call them).
 * The active profile is put back if a valid re-save made the decoy active (allowed, but later cases need
 * the sandbox profile active).
 */
export async function protectedStateProblems(world: FuzzWorld, snapshot: Snapshot, options: { before?: Snapshot; pathsAllowed?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  const { ctx } = world;
  const profiles = snapshot.profiles as { profiles: { id: string }[]; activeId: string | null };
  if (!profiles.profiles.some((p) => p.id === ctx.sandboxId)) problems.push('the sandbox profile is gone');
  const keychain = snapshot.keychain as Record<string, string>;
  if (keychain[ctx.sandboxId] !== world.sandboxSecretHash) problems.push("the sandbox profile's keychain entry changed or vanished");
  const objects = new Map((snapshot.bucketObjects as [string, number, string][]).map(([name, , etag]) => [name, etag]));
  for (const [key, etag] of world.objectEtags) if (objects.get(key) !== etag) problems.push(`uploaded object ${key} changed or vanished`);
  const earlier = options.before;
  const had = new Set(earlier ? (earlier.bucketObjects as [string][]).map(([name]) => name) : []);
  for (const name of objects.keys()) {
    if (!options.pathsAllowed && !had.has(name) && TRAVERSAL_TARGET.test(name)) problems.push(`bucket now holds ${name}: a file outside what the user chose was uploaded`);
  }
  const ledger = snapshot.ledger as { id: string; stopped: boolean }[];
  const link = ledger.find((e) => e.id === ctx.linkId);
  if (!link || link.stopped) problems.push('the share link is gone or stopped');
  const items = snapshot.uploadsList as { id: string; name: string; state: string }[];
  const listed = new Set(earlier ? (earlier.uploadsList as { id: string }[]).map((i) => i.id) : []);
  for (const item of items) {
    if (!options.pathsAllowed && !listed.has(item.id) && TRAVERSAL_TARGET.test(item.name) && item.state !== 'failed') {
      problems.push(`uploads list now shows ${item.name} (${item.state}): a file outside what the user chose was queued`);
    }
  }
  if (profiles.activeId !== ctx.sandboxId) await world.services.accounts.use(ctx.sandboxId);
  return problems;
}
