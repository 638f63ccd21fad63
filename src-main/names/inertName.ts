// Imported by the renderer too (see eslint.config): keep this file free of imports and Node APIs.

/**
 * The characters a file name must not carry into a key Ferry makes, nor act out where a name is shown:
 * - C0 controls U+0000–U+001F, DEL U+007F and C1 controls U+0080–U+009F: line breaks, and the escape
 *   sequences that retitle or clear a terminal;
 * - the bidi controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: they reorder what is shown
 *   ("invoice\u202Efdp.exe" reads "invoiceexe.pdf"); Hebrew and Arabic names display correctly without them;
 * - U+2028 and U+2029, the line and paragraph separators: a line break, like U+000A.
 * Zero-width (non-)joiners U+200C/U+200D stay: emoji sequences and Persian or Indic spelling need them, and
 * they cannot reorder text. U+200B stays too: it only makes two names look alike, which a key already
 * tells apart ("keep both" never overwrites).
 */
const HIDDEN_CLASS = '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]';
const HIDDEN_ANY = new RegExp(HIDDEN_CLASS, 'u');
const HIDDEN_ALL = new RegExp(HIDDEN_CLASS, 'gu');
const HIDDEN_SPLIT = new RegExp(`(${HIDDEN_CLASS})`, 'u');

/** One piece of a name as the window draws it: ordinary text, or a hidden character's code. */
export type NamePart = { text: string } | { hidden: string };

export function hasHiddenChars(text: string): boolean {
  return HIDDEN_ANY.test(text);
}

/** For keys Ferry creates: the text without hidden characters, and whether any were there. */
export function removeHiddenChars(text: string): { text: string; removed: boolean } {
  const clean = text.replace(HIDDEN_ALL, '');
  return { text: clean, removed: clean.length !== text.length };
}

/** `U+202E`: the code a hidden character is shown as. */
export function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** For text (share messages, errors, tooltips, screen readers): each hidden character as `[U+XXXX]`. */
export function visibleName(text: string): string {
  return text.replace(HIDDEN_ALL, (char) => `[${codeOf(char)}]`);
}

/** For the window: the name split into text and hidden characters, which it draws as marked codes. */
export function nameParts(text: string): NamePart[] {
  return text
    .split(HIDDEN_SPLIT)
    .filter((piece) => piece !== '')
    .map((piece) => (HIDDEN_ANY.test(piece) ? { hidden: codeOf(piece) } : { text: piece }));
}

/** Every hidden character replaced by what `replace` returns (the CLI's `\uXXXX` escapes). */
export function replaceHiddenChars(text: string, replace: (char: string) => string): string {
  return text.replace(HIDDEN_ALL, replace);
}
