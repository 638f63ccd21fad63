// Imported by the renderer too (see eslint.config): keep this file free of imports and Node APIs.

/**
 * The expiries offered by name wherever a link is made (window, tray, `ferry link --expires`). What each
 * means is links/expiry.ts; their labels are in the catalogs (`links.expiry.<id>` in main, `link.expiry.<id>` in the window).
 */
export const EXPIRY_PRESETS = ['1h', 'today', '1d', '7d'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];

export function isExpiryPreset(choice: string): choice is ExpiryPreset {
  return (EXPIRY_PRESETS as readonly string[]).includes(choice);
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A lifetime written as a span ("30m", "12h", "7d", and the presets but "today") in ms; undefined for anything else. */
export function spanMs(span: string): number | undefined {
  const m = /^([1-9]\d{0,3})([mhd])$/.exec(span);
  return m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : undefined;
}
