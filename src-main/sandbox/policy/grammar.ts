import { isKnownOperator } from './conditions.ts';
import type { PolicyDocument } from './types.ts';

const STATEMENT_KEYS = new Set(['Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);

const isStringOrList = (v: unknown): boolean =>
  typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));

/** Checks a policy the way RAM's grammar check does; returns the first problem, or undefined. */
export function policyGrammarProblem(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'policy must be a JSON object';
  const d = doc as Record<string, unknown>;
  for (const key of Object.keys(d)) if (key !== 'Version' && key !== 'Statement') return `unknown element "${key}"`;
  if (d.Version !== '1') return 'Version must be "1"';
  if (!Array.isArray(d.Statement) || d.Statement.length === 0) return 'Statement must be a non-empty list';
  for (const [i, raw] of d.Statement.entries()) {
    if (typeof raw !== 'object' || raw === null) return `Statement ${i} must be an object`;
    const s = raw as Record<string, unknown>;
    for (const key of Object.keys(s)) if (!STATEMENT_KEYS.has(key)) return `Statement ${i}: unknown element "${key}"`;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return `Statement ${i}: Effect must be Allow or Deny`;
    if ((s.Action === undefined) === (s.NotAction === undefined)) return `Statement ${i}: needs exactly one of Action/NotAction`;
    if (!isStringOrList(s.Action ?? s.NotAction)) return `Statement ${i}: Action must be a string or list of strings`;
    if ((s.Resource === undefined) === (s.NotResource === undefined)) return `Statement ${i}: needs exactly one of Resource/NotResource`;
    if (!isStringOrList(s.Resource ?? s.NotResource)) return `Statement ${i}: Resource must be a string or list of strings`;
    if (s.Condition !== undefined) {
      if (typeof s.Condition !== 'object' || s.Condition === null) return `Statement ${i}: Condition must be an object`;
      for (const [op, keys] of Object.entries(s.Condition)) {
        if (!isKnownOperator(op)) return `Statement ${i}: unknown condition operator "${op}"`;
        if (typeof keys !== 'object' || keys === null) return `Statement ${i}: condition "${op}" must map keys to values`;
      }
    }
  }
  return undefined;
}

export function isPolicyDocument(doc: unknown): doc is PolicyDocument {
  return policyGrammarProblem(doc) === undefined;
}
