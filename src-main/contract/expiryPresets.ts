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
