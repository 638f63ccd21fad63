/**
 * `response-content-disposition` values that make browsers save (or show) a file under its real name:
 * an ASCII `filename="…"` for old clients plus `filename*=UTF-8''…` (RFC 5987/6266) for 中文 and emoji.
 */

import { visibleName } from '../names/inertName.ts';

/** RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else as UTF-8 %XX. */
export function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A printable-ASCII stand-in: accents dropped, other characters as `_`, extension kept. */
export function asciiFallback(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]|["\\%;]/gu, '_')
    .replace(/_+/g, '_')
    .trim();
  const dot = plain.lastIndexOf('.');
  const stem = dot > 0 ? plain.slice(0, dot) : plain;
  const ext = dot > 0 ? plain.slice(dot) : '';
  return /[A-Za-z0-9]/.test(stem) ? plain : `download${/^[.\w-]+$/.test(ext) ? ext : ''}`;
}

export function contentDisposition(name: string, inline = false): string {
  const safe = [...name].filter((c) => c >= ' ' && c !== '\u007f').join('');
  return `${inline ? 'inline' : 'attachment'}; filename="${asciiFallback(safe)}"; filename*=UTF-8''${rfc5987(safe)}`;
}

/**
 * The last part of an object key: what the user called the file, shown inert. A key another tool made may
 * hold bidi or control characters; they come out as `[U+XXXX]` here, so no message or download name acts them out.
 */
export function nameOfKey(key: string): string {
  const trimmed = key.replace(/\/+$/, '');
  return visibleName(trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed || key);
}
