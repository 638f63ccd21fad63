import type { IncomingMessage } from 'node:http';
import { Parser } from 'xml2js';
import { ossErrors } from './ossError.ts';

/** One parsed element: its text and its child elements by name (in document order). */
export interface XmlElement {
  name: string;
  text: string;
  children: XmlElement[];
}

interface Xml2jsNode {
  '#name': string;
  _?: string;
  $$?: Xml2jsNode[];
}

/**
 * A real XML parser (xml2js on sax, strict mode) rather than patterns: CDATA, comments, character
 * references (`&#x41;`, `&#65;`) and the predefined entities read as XML says. A document that is not
 * well-formed, or declares a DTD (no entity expansion here), is MalformedXML as OSS answers it.
 */
export async function parseXml(text: string): Promise<XmlElement> {
  if (/<!DOCTYPE/i.test(text)) throw ossErrors.malformedXml();
  const parser = new Parser({ explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false, explicitRoot: false, trim: false, normalize: false, strict: true, async: false });
  let root: Xml2jsNode;
  try {
    root = (await parser.parseStringPromise(text)) as Xml2jsNode;
  } catch {
    throw ossErrors.malformedXml();
  }
  if (!root || typeof root !== 'object') throw ossErrors.malformedXml();
  return convert(root);
}

function convert(node: Xml2jsNode | string, name?: string): XmlElement {
  if (typeof node === 'string') return { name: name ?? '', text: node, children: [] };
  return { name: node['#name'], text: node._ ?? '', children: (node.$$ ?? []).map((c) => convert(c)) };
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** Trimmed text of the first child named `name`. */
export function childText(element: XmlElement, name: string): string | undefined {
  return childElements(element, name)[0]?.text.trim();
}

/** Reads a request body of at most `maxBytes` (more is MalformedXML, as OSS answers an oversized document). */
export async function readXmlBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw ossErrors.malformedXml();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
