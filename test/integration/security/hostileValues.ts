/**
 * The hostile arguments the channel fuzz sends: a fixed catalogue (wrong types, huge strings, own
 * `__proto__` / `constructor` / `prototype` keys, traversal, deep nesting, odd values that survive
 * structured clone), mutations of one valid argument per channel, and a few seeded random structures.
 * Everything is deterministic: the same contract gives the same cases in the same order.
 */

export interface FuzzCase {
  /** Short and printable (never the value itself: it may be 10 MB). */
  label: string;
  arg: unknown;
}

export const MB = 1024 * 1024;
/** Built once and shared: every case that carries one reuses the same string. */
export const HUGE_1MB = 'A'.repeat(MB);
export const HUGE_10MB = 'B'.repeat(10 * MB);

/**
 * Paths and URLs that would reach outside what the user chose. Files only, never a directory (a
 * directory dropped on a channel that walks folders would walk it). URLs point only at 127.0.0.1.
 */
export const TRAVERSAL: readonly string[] = [
  '../../etc/passwd',
  '../../../../../../../../../../etc/passwd',
  'a/../../../../../../etc/hostname',
  '..\\..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  '/etc/hostname',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '\\\\127.0.0.1\\c$\\Windows\\win.ini',
  'file:///etc/passwd',
  'file://127.0.0.1/etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd\u0000.png',
  'nul\u0000byte',
  'app://ferry/../../../etc/passwd',
  '~/.ssh/id_rsa',
  'http://127.0.0.1:1/latest/meta-data/',
  'javascript:alert(1)',
];

/** Basenames the traversal strings aim at: no accepted call may upload or list one of these. */
export const TRAVERSAL_TARGET = /(?:^|[/\\])(?:passwd|hostname|hosts|win\.ini|id_rsa)(?:$|\.)/i;

/** Strings that are names of prototype members or look like other types. */
const TRICKY_STRINGS: readonly string[] = ['', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'null', 'undefined', '0', 'true'];

/** Objects with the dangerous keys as *own* properties, as JSON.parse (and structured clone) makes them. */
export function protoObjects(): { label: string; value: unknown }[] {
  return [
    { label: 'own __proto__', value: JSON.parse('{"__proto__":{"polluted":"yes","isAdmin":true}}') },
    { label: 'own constructor.prototype', value: JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') },
    { label: 'own prototype', value: JSON.parse('{"prototype":{"polluted":"yes"}}') },
    { label: '__proto__ array', value: JSON.parse('{"__proto__":["polluted"]}') },
  ];
}

export function deepObject(depth: number): unknown {
  let value: unknown = { end: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

export function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Values of the wrong type (or the right type with a shape no schema should accept). */
export function wrongTypes(): { label: string; value: unknown }[] {
  return [
    { label: 'number 0', value: 0 },
    { label: 'number -1', value: -1 },
    { label: 'number 1.5', value: 1.5 },
    { label: 'NaN', value: Number.NaN },
    { label: 'Infinity', value: Number.POSITIVE_INFINITY },
    { label: '1e308', value: 1e308 },
    { label: 'unsafe integer', value: Number.MAX_SAFE_INTEGER + 2 },
    { label: 'bigint', value: 2n ** 70n },
    { label: 'true', value: true },
    { label: 'null', value: null },
    { label: 'undefined', value: undefined },
    { label: 'empty array', value: [] },
    { label: 'array of strings', value: ['a', 'b'] },
    { label: 'empty object', value: {} },
    { label: 'nested object', value: { a: { b: { c: 'd' } } } },
    { label: 'Date', value: new Date(0) },
    { label: 'Map', value: new Map([['k', 'v']]) },
    { label: 'Uint8Array', value: new Uint8Array([1, 2, 3]) },
    { label: 'Error', value: new Error('raw error from the renderer') },
    ...protoObjects(),
    { label: 'object nested 1,000 deep', value: deepObject(1_000) },
  ];
}

/** Strings: prototype-member names, traversal, odd Unicode, and long ones. */
export function hostileStrings(): { label: string; value: string }[] {
  return [
    ...TRICKY_STRINGS.map((s) => ({ label: `string ${JSON.stringify(s)}`, value: s })),
    ...TRAVERSAL.map((s) => ({ label: `traversal ${JSON.stringify(s)}`, value: s })),
    { label: 'RTL override name', value: 'invoice\u202Efdp.exe' },
    { label: 'lone surrogate', value: 'x\uD800y' },
    { label: 'string 64 KiB + 1', value: 'c'.repeat(64 * 1024 + 1) },
    { label: 'string 1 MB', value: HUGE_1MB },
  ];
}

/** What replaces one leaf: every hostile value for a string leaf; wrong types and a few strings otherwise. */
export function leafValues(leaf: unknown): { label: string; value: unknown }[] {
  const strings = hostileStrings();
  return typeof leaf === 'string' ? [...wrongTypes(), ...strings] : [...wrongTypes(), ...strings.filter((s) => /"(?:|0|true)"$|passwd"$|1 MB/.test(s.label))];
}

/** Whole arguments: every wrong type, strings that matter at the top level, and shapes only a whole argument takes. */
export function wholeArguments(): FuzzCase[] {
  const strings = hostileStrings().filter((s) => /"(?:|__proto__)"$|"\.\.\/\.\.\/etc\/passwd"|"\/etc\/passwd"|file:\/\/\/|NUL|nul|1 MB/i.test(s.label));
  return [
    ...[...wrongTypes(), ...strings].map(({ label, value }) => ({ label: `whole: ${label}`, arg: value })),
    { label: 'whole: string 10 MB', arg: HUGE_10MB },
    { label: 'whole: array nested 1,000 deep', arg: deepArray(1_000) },
    { label: 'whole: sparse array', arg: [, 1] }, // eslint-disable-line no-sparse-arrays
    { label: 'whole: 100,000 numbers', arg: new Array<number>(100_000).fill(7) },
    { label: 'whole: Set', arg: new Set([1, 2]) },
    { label: 'whole: RegExp', arg: /x/g },
    { label: 'whole: ArrayBuffer 1 MB', arg: new ArrayBuffer(MB) },
  ];
}

/** Extra fields a hostile page might add hoping a handler reads them. */
export function extraFields(): { label: string; key: string; value: unknown }[] {
  return [
    { label: 'unknown field', key: 'zzUnknownField', value: 1 },
    { label: 'extra confirmed:true', key: 'confirmed', value: true },
    { label: 'extra isSandbox:true', key: 'isSandbox', value: true },
    { label: 'extra accessKeySecret', key: 'accessKeySecret', value: 'not-a-real-secret-0000' },
    { label: 'extra path', key: 'path', value: '/etc/passwd' },
    { label: 'extra paths', key: 'paths', value: ['/etc/passwd'] },
    { label: 'extra confirmedHosts', key: 'confirmedHosts', value: ['evil.example', '127.0.0.1'] },
    ...protoObjects().map(({ label, value }) => {
      const [key] = Object.keys(value as object) as [string];
      return { label: `extra ${label}`, key, value: (value as Record<string, unknown>)[key] };
    }),
  ];
}

/** Sets `key` as an own, enumerable data property (works for "__proto__" too). */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Path = (string | number)[];

function clonePlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clonePlain);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, clonePlain(v));
    return out;
  }
  return value;
}

function withAt(root: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = clonePlain(root);
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/** Every node of a plain JSON-like value, with its path (root first). */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const out = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

/** Bytes (a Uint8Array a preload channel carries) are one leaf, not an object of numbered keys. */
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
const show = (path: Path): string => (path.length === 0 ? '(root)' : path.join('.'));

/** Mutations of one valid argument: each leaf replaced, each key dropped, extra keys added, arrays stretched. */
export function mutationsOf(sample: unknown): FuzzCase[] {
  if (sample === undefined) return []; // the valid call is `whole: undefined`
  const cases: FuzzCase[] = [{ label: 'the valid argument itself', arg: clonePlain(sample) }];
  let tenMbUsed = false;
  for (const node of nodes(sample)) {
    const at = show(node.path);
    if (node.path.length > 0 && !isObject(node.value) && !Array.isArray(node.value)) {
      for (const { label, value } of leafValues(node.value)) {
        cases.push({ label: `${at} = ${label}`, arg: withAt(sample, node.path, (p, k) => (p[k] = value)) });
      }
      if (typeof node.value === 'string' && !tenMbUsed) {
        tenMbUsed = true;
        cases.push({ label: `${at} = string 10 MB`, arg: withAt(sample, node.path, (p, k) => (p[k] = HUGE_10MB)) });
      }
      if (typeof node.value === 'string') {
        const v = node.value;
        cases.push({ label: `${at} = itself + NUL`, arg: withAt(sample, node.path, (p, k) => (p[k] = `${v}\u0000`)) });
        cases.push({ label: `${at} = ../ + itself`, arg: withAt(sample, node.path, (p, k) => (p[k] = `../../${v}`)) });
        cases.push({ label: `${at} = itself + lone surrogate`, arg: withAt(sample, node.path, (p, k) => (p[k] = `${v}\uD800`)) });
      }
    }
    if (isObject(node.value)) {
      for (const key of Object.keys(node.value)) {
        const path = [...node.path, key];
        cases.push({ label: `${show(path)} dropped`, arg: withAt(sample, path, (p, k) => delete p[k]) });
      }
      for (const extra of extraFields()) {
        const mutate = (target: object): void => setOwn(target, extra.key, clonePlain(extra.value));
        const arg = node.path.length === 0 ? clonePlain(sample) : withAt(sample, node.path, (p, k) => mutate(p[k] as object));
        if (node.path.length === 0) mutate(arg as object);
        cases.push({ label: `${at} + ${extra.label}`, arg });
      }
    }
    if (Array.isArray(node.value) && node.path.length > 0) {
      const first = node.value[0];
      cases.push({ label: `${at} = []`, arg: withAt(sample, node.path, (p, k) => (p[k] = [])) });
      cases.push({ label: `${at} × 10,001`, arg: withAt(sample, node.path, (p, k) => (p[k] = new Array(10_001).fill(first))) });
      cases.push({ label: `${at} nested in an array`, arg: withAt(sample, node.path, (p, k) => (p[k] = [p[k]])) });
    }
  }
  cases.push({ label: 'valid argument wrapped in an array', arg: [clonePlain(sample)] });
  cases.push({ label: 'valid argument twice in an array', arg: [clonePlain(sample), clonePlain(sample)] });
  return cases;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string, base: number): number {
  let h = base >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Random objects built from the channel's own keys and hostile keys, with small hostile values. */
export function randomCases(sample: unknown, seed: number, count: number): FuzzCase[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const ownKeys = nodes(sample).flatMap((n) => (typeof n.path[n.path.length - 1] === 'string' ? [n.path[n.path.length - 1] as string] : []));
  const keys = [...new Set([...ownKeys, '__proto__', 'constructor', 'prototype', 'then', 'toJSON', 'valueOf', 'confirmed', 'id'])];
  const small = [...wrongTypes(), ...hostileStrings()].filter((v) => !/1 MB|64 KiB|nested 1,000/.test(v.label));
  const build = (depth: number): unknown => {
    const roll = random();
    if (depth >= 3 || roll < 0.45) return pick(small).value;
    if (roll < 0.6) return Array.from({ length: 1 + Math.floor(random() * 3) }, () => build(depth + 1));
    const out = {};
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) setOwn(out, pick(keys), build(depth + 1));
    return out;
  };
  return Array.from({ length: count }, (_, i) => {
    const out = {};
    const n = 1 + Math.floor(random() * 4);
    for (let j = 0; j < n; j++) setOwn(out, pick(keys), build(1));
    return { label: `random #${i} (seed ${seed})`, arg: out };
  });
}
