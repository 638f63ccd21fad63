/** Characters as a person counts them (an emoji sequence or a letter with its accents is one). */
function graphemes(text: string): string[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

/** An extension worth keeping in sight: ".pdf", ".xlsx", ".tar.gz"'s ".gz" — short, after some name. */
const EXTENSION = /\.[^.\s]{1,10}$/u;
/** How much of the name before the extension stays visible, so "report-v2.pdf" and "report-v3.pdf" differ. */
const KEEP_BEFORE_EXTENSION = 6;
const KEEP_WITHOUT_EXTENSION = 8;

/**
 * Splits a file name for middle shortening: the head may be cut with an ellipsis, the tail (the end of
 * the name with its extension) always shows. Joined, they are the name unchanged; short names have no tail.
 */
export function splitForShortening(name: string): { head: string; tail: string } {
  const chars = graphemes(name);
  const extension = EXTENSION.exec(name)?.[0];
  const extensionLength = extension && extension.length < name.length ? graphemes(extension).length : 0;
  const keep = extensionLength > 0 ? extensionLength + KEEP_BEFORE_EXTENSION : KEEP_WITHOUT_EXTENSION;
  if (chars.length <= keep + 4) return { head: name, tail: '' };
  return { head: chars.slice(0, -keep).join(''), tail: chars.slice(-keep).join('') };
}
