import { LINK_FIELDS, type ProfileInput } from './connection.ts';

/**
 * The two forms IT hands out, written from checked connection fields (`checkProfileFields`): a
 * `*.ferry.json` file and a `ferry://connect?…` link. Both read back with `parseConnection` unchanged.
 */
type Fields = Omit<ProfileInput, 'id'>;

const FILE_ORDER = Object.values(LINK_FIELDS);

/** The connection file's text: `ferry: 1` and the fields in the order the connect screen shows them. */
export function connectionFileText(fields: Fields): string {
  const out: Record<string, unknown> = { ferry: 1 };
  for (const field of FILE_ORDER) {
    const value = (fields as Record<string, unknown>)[field];
    if (value !== undefined) out[field] = value;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** The same connection as a `ferry://connect?…` link (short query names, see LINK_FIELDS). */
export function connectionLink(fields: Fields): string {
  const query = new URLSearchParams();
  for (const [name, field] of Object.entries(LINK_FIELDS)) {
    const value = (fields as Record<string, unknown>)[field];
    if (value !== undefined) query.set(name, String(value));
  }
  return `ferry://connect?${query.toString()}`;
}

/** A file name for the connection: `Acme Share` → `acme-share.ferry.json`. */
export function connectionFileName(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'connection'}.ferry.json`;
}
