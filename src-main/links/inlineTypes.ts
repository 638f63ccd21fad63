/**
 * Types a browser can show in place of downloading. SVG and HTML are left out on purpose: served from
 * the bucket's origin they could run script.
 */
const INLINE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  ogv: 'video/ogg',
};

/** The Content-Type to serve an inline link with, or undefined when the file can't be opened in a browser. */
export function inlineContentType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : INLINE_TYPES[name.slice(dot + 1).toLowerCase()];
}
