/**
 * Reads an AccessKey pair in the forms IT hands it out: the `AccessKey.csv` the Alibaba Cloud console
 * downloads (a header with "AccessKey ID" and "AccessKey Secret" columns, sometimes more columns, a UTF-8
 * BOM, or GBK from an older Chinese console), or text pasted from a message — two lines (ID, then
 * secret), labelled lines ("AccessKey ID: …"), or one line split by a tab, comma or spaces.
 * Main only: the window sends what it was given and never sees the parsed secret.
 */
import { FerryError } from '../errors/ferryError.ts';
import { checkAccessKey } from './keyShape.ts';
import { KEY_FILE_LIMIT } from '../contract/keyFileLimit.ts';

export interface AccessKeyPair {
  accessKeyId: string;
  accessKeySecret: string;
}

export const MAX_KEY_TEXT = 4096;

type Column = 'id' | 'secret' | 'other';

/** A header cell, read loosely: case, spaces, `_` and `-` do not matter; Chinese console labels too. */
function columnOf(cell: string): Column {
  const name = cell.toLowerCase().replace(/[\s_\-:：]/g, '');
  if (/^(accesskeyid|akid|访问密钥id|密钥id)$/.test(name)) return 'id';
  if (/^(accesskeysecret|aksecret|secretaccesskey|访问密钥secret|密钥secret|访问密钥|密钥)$/.test(name)) return 'secret';
  return 'other';
}

/** One CSV record (RFC 4180 quotes, `""` inside quotes); the separator is a comma, or a tab if the line has no comma. */
function cellsOf(line: string): string[] {
  const separator = line.includes(',') ? ',' : line.includes('\t') ? '\t' : ';';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function linesOf(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The console's CSV: a header row naming both columns, then one row per key (extra columns ignored). */
function fromCsv(lines: string[], origin: 'file' | 'text'): AccessKeyPair[] | undefined {
  const header = cellsOf(lines[0] ?? '').map(columnOf);
  const idAt = header.indexOf('id');
  const secretAt = header.indexOf('secret');
  if (idAt < 0 || secretAt < 0) return undefined;
  const pairs = lines.slice(1).flatMap((line) => {
    const cells = cellsOf(line);
    const accessKeyId = cells[idAt] ?? '';
    const accessKeySecret = cells[secretAt] ?? '';
    return accessKeyId || accessKeySecret ? [{ accessKeyId, accessKeySecret }] : [];
  });
  if (pairs.length === 0) throw new FerryError(origin === 'file' ? 'credentials.keyFileEmpty' : 'credentials.keyTextUnreadable');
  return pairs;
}

const LABELLED = /^(?<label>[^:：=\t]*?(?:id|secret|密钥)[^:：=\t]*?)(?:\s*[:：=\t]\s*|\s+)(?<value>\S+)$/i;

/** "AccessKey ID: LTAI…" / "AccessKey Secret：…" / "AccessKeyId=…", one per line, in any order. */
function fromLabelled(lines: string[]): AccessKeyPair | undefined {
  let accessKeyId: string | undefined;
  let accessKeySecret: string | undefined;
  for (const line of lines) {
    const match = LABELLED.exec(line);
    if (!match?.groups) continue;
    const column = columnOf(match.groups.label ?? '');
    if (column === 'id') accessKeyId ??= match.groups.value;
    if (column === 'secret') accessKeySecret ??= match.groups.value;
  }
  return accessKeyId !== undefined && accessKeySecret !== undefined ? { accessKeyId, accessKeySecret } : undefined;
}

/** Two bare values: on two lines, or on one line split by a tab, comma, semicolon or spaces. */
function fromBare(lines: string[]): AccessKeyPair | undefined {
  const values = lines.length === 1 ? (lines[0] ?? '').split(/[\t,;\s]+/) : lines;
  if (values.length !== 2) return undefined;
  const [accessKeyId = '', accessKeySecret = ''] = values.map((v) => v.trim().replace(/^"(.*)"$/, '$1'));
  return { accessKeyId, accessKeySecret };
}

function onlyOne(pairs: AccessKeyPair[], origin: 'file' | 'text'): AccessKeyPair {
  const distinct = new Set(pairs.map((p) => p.accessKeyId));
  if (distinct.size > 1) throw new FerryError(origin === 'file' ? 'credentials.keyFileSeveralKeys' : 'credentials.keyTextSeveralKeys', { n: distinct.size });
  return pairs[0]!;
}

function readPair(text: string, origin: 'file' | 'text'): AccessKeyPair {
  const lines = linesOf(text);
  if (lines.length === 0) throw new FerryError(origin === 'file' ? 'credentials.keyFileEmpty' : 'credentials.keyTextEmpty');
  const csv = fromCsv(lines, origin);
  if (csv) return checked(onlyOne(csv, origin), origin);
  const pair = fromLabelled(lines) ?? fromBare(lines);
  if (!pair) throw new FerryError(origin === 'file' ? 'credentials.keyFileNotCsv' : 'credentials.keyTextUnreadable');
  return checked(pair, origin);
}

/** The shape checks of a typed key; a file that fails them was not the console's file. */
function checked(pair: AccessKeyPair, origin: 'file' | 'text'): AccessKeyPair {
  try {
    return checkAccessKey(pair);
  } catch (error) {
    if (origin === 'file' && error instanceof FerryError && error.code !== 'credentials.keyIsTemporary') throw new FerryError('credentials.keyFileNotCsv');
    throw error;
  }
}

/** Text pasted into the window: the two lines IT sent, labelled or not, or the CSV's text. */
export function accessKeyFromText(text: string): AccessKeyPair {
  if (text.length > MAX_KEY_TEXT) throw new FerryError('credentials.keyTextUnreadable');
  return readPair(text, 'text');
}

/** The bytes of a dropped or picked `AccessKey.csv`. Nothing is written anywhere. */
export function accessKeyFromFile(bytes: Uint8Array): AccessKeyPair {
  if (bytes.byteLength > KEY_FILE_LIMIT) throw new FerryError('credentials.keyFileTooLarge');
  if (bytes.byteLength === 0) throw new FerryError('credentials.keyFileEmpty');
  return readPair(decode(bytes), 'file');
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), else GBK; binary is refused. */
function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new FerryError('credentials.keyFileNotCsv');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text)) throw new FerryError('credentials.keyFileNotCsv');
  return text;
}
