/**
 * An error the user may see. `code` names a text in main's catalog (i18n/en.json, looked up by i18n/text.ts errorText);
 * `params` fill its `{placeholders}`. Params must never hold secrets.
 */
export class FerryError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: string, params: Record<string, string | number> = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'FerryError';
    this.code = code;
    this.params = params;
  }
}

export function isFerryError(value: unknown): value is FerryError {
  return value instanceof FerryError;
}
