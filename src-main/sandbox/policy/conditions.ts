import type { ConditionBlock, ConditionValue } from './types.ts';
import { ipInRange } from './ipRange.ts';
import { wildcardMatch } from './wildcard.ts';

type Test = (actual: string, expected: string) => boolean;

const num = (s: string): number => (s.trim() === '' ? NaN : Number(s));
const date = (s: string): number => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));

const POSITIVE: Record<string, Test> = {
  stringequals: (a, e) => a === e,
  stringequalsignorecase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  stringlike: (a, e) => wildcardMatch(e, a),
  numericequals: (a, e) => num(a) === num(e),
  numericlessthan: (a, e) => num(a) < num(e),
  numericlessthanequals: (a, e) => num(a) <= num(e),
  numericgreaterthan: (a, e) => num(a) > num(e),
  numericgreaterthanequals: (a, e) => num(a) >= num(e),
  dateequals: (a, e) => date(a) === date(e),
  datelessthan: (a, e) => date(a) < date(e),
  datelessthanequals: (a, e) => date(a) <= date(e),
  dategreaterthan: (a, e) => date(a) > date(e),
  dategreaterthanequals: (a, e) => date(a) >= date(e),
  bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
  ipaddress: (a, e) => ipInRange(a, e),
};

/** Negated operators: true when no listed value matches (and when the key is absent). */
const NEGATED: Record<string, string> = {
  stringnotequals: 'stringequals',
  stringnotequalsignorecase: 'stringequalsignorecase',
  stringnotlike: 'stringlike',
  numericnotequals: 'numericequals',
  datenotequals: 'dateequals',
  notipaddress: 'ipaddress',
};

export function isKnownOperator(operator: string): boolean {
  const op = operator.toLowerCase();
  return op in POSITIVE || op in NEGATED;
}

function asList(v: ConditionValue | ConditionValue[]): string[] {
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** All operators AND-ed; within one key the listed values are OR-ed. */
export function conditionsHold(block: ConditionBlock | undefined, context: Record<string, string | undefined>): boolean {
  if (!block) return true;
  const lowered: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(context)) lowered[k.toLowerCase()] = v;
  for (const [operator, keys] of Object.entries(block)) {
    const op = operator.toLowerCase();
    const negatedOf = NEGATED[op];
    const test = POSITIVE[negatedOf ?? op];
    if (!test) return false;
    for (const [key, expected] of Object.entries(keys)) {
      const actual = lowered[key.toLowerCase()];
      const anyMatch = actual !== undefined && asList(expected).some((e) => test(actual, e));
      if (negatedOf ? anyMatch : !anyMatch) return false;
    }
  }
  return true;
}
