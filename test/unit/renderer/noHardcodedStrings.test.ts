import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const components = path.resolve(import.meta.dirname, '../../../src-renderer');
/** Attributes a person reads or a screen reader speaks. */
const SPOKEN = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'value']);
/** Letters in any script; symbols like × ▾ ✓ · are fine. */
const LETTERS = /\p{L}/u;

interface Node {
  type: string;
  name?: string;
  data?: string;
  value?: unknown;
  start: number;
  [key: string]: unknown;
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return svelteFiles(full);
    return entry.name.endsWith('.svelte') ? [full] : [];
  });
}

/** Literal user-facing text in a component's markup: text nodes and spoken attributes. */
export function hardCodedStrings(source: string): string[] {
  const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
  const found: string[] = [];
  const visit = (node: unknown, parentName?: string): void => {
    if (Array.isArray(node)) return node.forEach((child) => visit(child, parentName));
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node;
    if (typeof n.type !== 'string') return Object.values(n).forEach((child) => visit(child, parentName));
    if (n.type === 'Text' && parentName !== 'style' && LETTERS.test(n.data ?? '')) found.push((n.data ?? '').trim());
    if (n.type === 'Attribute') {
      // Only spoken attributes matter; `value="en"` on <option>/<input> is data, not text a person reads.
      if (!n.name || !SPOKEN.has(n.name) || !Array.isArray(n.value) || (n.name === 'value' && parentName !== 'button')) return;
      for (const part of n.value as Node[]) if (part.type === 'Text' && LETTERS.test(part.data ?? '')) found.push(`${n.name}="${part.data}"`);
      return;
    }
    if (n.type === 'ExpressionTag' || n.type === 'Script' || n.type === 'StyleSheet' || n.type.endsWith('Directive')) return;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'parent' || key === 'metadata') continue;
      visit(value, n.type === 'RegularElement' ? n.name : parentName);
    }
  };
  visit(ast.fragment);
  return found;
}

describe('components', () => {
  it('the detector finds literal text and spoken attributes, and ignores expressions and symbols', () => {
    const bad = '<script>let x = 1;</script><p>Hello</p><button aria-label="Close">×</button><span>{x}</span><i title={x}>✓</i>';
    expect(hardCodedStrings(bad)).toEqual(['Hello', 'aria-label="Close"']);
    expect(hardCodedStrings('<p>文件</p>')).toEqual(['文件']);
  });

  it('contain no hard-coded user-facing strings (everything goes through t())', () => {
    const files = svelteFiles(components);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .map((file) => ({ file: path.relative(components, file), strings: hardCodedStrings(readFileSync(file, 'utf8')) }))
      .filter((entry) => entry.strings.length > 0);
    expect(offenders).toEqual([]);
  });
});

describe('text, never HTML', () => {
  it('no component uses {@html}: file names and server messages are always rendered as text', () => {
    const withHtml = svelteFiles(components).filter((file) => {
      const ast = parse(readFileSync(file, 'utf8'), { modern: true });
      return JSON.stringify(ast.fragment, (key, value) => (key === 'parent' ? undefined : value)).includes('"type":"HtmlTag"');
    });
    expect(withHtml).toEqual([]);
    expect(JSON.stringify(parse('<p>{@html x}</p>', { modern: true }).fragment)).toContain('"type":"HtmlTag"');
  });
});
