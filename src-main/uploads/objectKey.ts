import { FerryError } from '../errors/ferryError.ts';
import { removeHiddenChars } from '../names/inertName.ts';

/** OSS refuses keys longer than this many UTF-8 bytes. */
export const MAX_KEY_BYTES = 1023;

const utf8 = new TextEncoder();
const byteLength = (text: string): number => utf8.encode(text).length;

/** The path's segments that can be part of a key: no empty, blank, `.` or `..` ones. */
function keptSegments(path: string): string[] {
  return path.split(/[\\/]+/).filter((segment) => segment.trim() !== '' && segment !== '.' && segment !== '..');
}

/**
 * A relative path (as walked or dropped) → the key tail: NFC (macOS hands out NFD), either slash as a
 * separator, hidden characters removed (controls and bidi controls, see names/inertName.ts), empty /
 * `.` / `..` segments dropped, no leading `/`.
 */
export function sanitizeRelativePath(relative: string): string {
  return keptSegments(removeHiddenChars(relative.normalize('NFC')).text).join('/');
}

/** The expanded profile prefix, cleaned the same way; always '' or ending in '/'. */
export function sanitizePrefix(prefix: string): string {
  const clean = sanitizeRelativePath(prefix);
  return clean === '' ? '' : `${clean}/`;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function truncateToBytes(text: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = byteLength(ch);
    if (used + size > maxBytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** Splits `dir/name.ext` into parts; a leading dot (`.bashrc`) is part of the stem, not an extension. */
export function splitKey(key: string): { dir: string; stem: string; ext: string } {
  const slash = key.lastIndexOf('/');
  const dir = key.slice(0, slash + 1);
  const base = key.slice(slash + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { dir, stem: base, ext: '' };
  return { dir, stem: base.slice(0, dot), ext: base.slice(dot) };
}

/**
 * Prefix + relative path as an OSS key, at most 1023 bytes: a too-long file name is shortened (keeping
 * its extension); if the folders alone are too long, that is an error the user can act on.
 */
export function buildObjectKey(prefix: string, relative: string, reserveBytes = 8): string {
  // A file name of hidden characters only would leave its folder's name as the key: refuse it, saying why.
  const fileName = keptSegments(relative.normalize('NFC')).at(-1);
  if (fileName !== undefined && sanitizeRelativePath(fileName) === '') throw new FerryError('names.onlyHidden', { name: relative.slice(0, 80) });
  const tail = sanitizeRelativePath(relative);
  if (tail === '') throw new FerryError('uploads.badName', { name: relative.slice(0, 80) });
  const key = sanitizePrefix(prefix) + tail;
  // Leave room for a " (NN)" suffix so "keep both" never pushes the key over the limit.
  const limit = MAX_KEY_BYTES - reserveBytes;
  if (byteLength(key) <= limit) return key;
  const { dir, stem, ext } = splitKey(key);
  const room = limit - byteLength(dir) - byteLength(ext);
  if (room < 8) throw new FerryError('uploads.pathTooLong', { name: tail.slice(0, 80) });
  return dir + truncateToBytes(stem, room) + ext;
}

/** `report.pdf` → `report (2).pdf` for n = 2: the "keep both" name. */
export function keepBothKey(key: string, n: number): string {
  if (n <= 1) return key;
  const { dir, stem, ext } = splitKey(key);
  return `${dir}${stem} (${n})${ext}`;
}
