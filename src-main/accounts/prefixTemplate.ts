import os from 'node:os';

/** Placeholders a prefix template may use. Anything else in braces is refused when a profile is saved. */
export const PREFIX_PLACEHOLDERS = ['user', 'yyyy', 'mm', 'dd'] as const;

/** The OS login name reduced to characters that are safe in an object key and a RAM policy. */
export function currentUserName(): string {
  let name = 'user';
  try {
    name = os.userInfo().username;
  } catch {
    // some sandboxes have no passwd entry
  }
  return name.toLowerCase().replace(/[^a-z0-9._-]/g, '-').replace(/^[-.]+/, '').slice(0, 64) || 'user';
}

/** `shared/{user}/{yyyy}-{mm}/` → `shared/alice/2026-11/` (UTC date). */
export function expandPrefix(template: string, vars: { user: string; now: number }): string {
  const d = new Date(vars.now);
  const values: Record<string, string> = {
    user: vars.user,
    yyyy: String(d.getUTCFullYear()),
    mm: String(d.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(d.getUTCDate()).padStart(2, '0'),
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The part of the prefix that stays fixed for this user across time — what a session policy may be
 * scoped to: placeholders for the user are filled, everything from the first date placeholder is cut.
 */
export function stablePrefix(template: string, user: string): string {
  const withUser = template.replace(/\{user\}/g, user);
  const cut = withUser.indexOf('{');
  return cut < 0 ? withUser : withUser.slice(0, cut);
}

/** Problems with a template, or undefined when it is fine. */
export function prefixTemplateProblem(template: string): string | undefined {
  if (template.startsWith('/')) return 'leading-slash';
  if (template.split('/').some((part) => part === '..' || part === '.')) return 'dot-segment';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(template)) return 'control-character';
  for (const [, name] of template.matchAll(/\{([^}]*)\}/g)) {
    if (!(PREFIX_PLACEHOLDERS as readonly string[]).includes(name ?? '')) return 'unknown-placeholder';
  }
  if (/[{}]/.test(template.replace(/\{(\w+)\}/g, ''))) return 'unbalanced-brace';
  return undefined;
}
