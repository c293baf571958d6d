/**
 * The condition language and its typed evaluator. A condition document is checked against the
 * field registry once, at load time: an operator a field does not support, or a value of the
 * wrong type (a string compared with a number), is a load error, never a silent false. What is
 * left is a tree of closures that reads facts and compares plain numbers and strings.
 */
import { z } from 'zod';
import type { CartLineFacts, CustomerFacts } from './types.js';

export type Operator = 'eq' | 'ne' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains';

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly lines: Condition; readonly minQuantity?: number | undefined }
  | { readonly field: string; readonly op: Operator; readonly value: unknown };

const operatorSchema = z.enum(['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'contains']);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
    z.strictObject({ lines: conditionSchema, minQuantity: z.number().int().positive().optional() }),
    z.strictObject({ field: z.string().min(1), op: operatorSchema, value: z.unknown() }),
  ]),
);

/** Facts a context-scope condition reads; built once per quote. */
export interface ContextFacts {
  readonly customer: CustomerFacts | undefined;
  readonly subtotal: number;
  readonly itemCount: number;
  readonly currency: string;
  readonly channel: string | undefined;
  /** Upper-cased, trimmed. */
  readonly coupons: readonly string[];
  readonly experiments: Readonly<Record<string, string>>;
  readonly now: number;
  /** 0–23 in the rule set's time zone. */
  readonly hour: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday, in the rule set's time zone. */
  readonly weekday: number;
  readonly lines: readonly CartLineFacts[];
}

export type Scope = 'context' | 'line';
type Kind = 'string' | 'number' | 'money' | 'boolean' | 'time' | 'list';
type Scalar = string | number | boolean;
type FieldValue = Scalar | readonly string[] | undefined;

interface FieldDefinition {
  readonly kind: Kind;
  readonly read: (facts: never) => FieldValue;
}

const contextFields: Record<string, { kind: Kind; read: (facts: ContextFacts) => FieldValue }> = {
  'customer.id': { kind: 'string', read: (f) => f.customer?.id },
  'customer.segment': { kind: 'string', read: (f) => f.customer?.segment },
  'customer.tier': { kind: 'string', read: (f) => f.customer?.tier },
  'customer.tags': { kind: 'list', read: (f) => f.customer?.tags ?? [] },
  'customer.firstOrder': { kind: 'boolean', read: (f) => f.customer?.firstOrder },
  'customer.country': { kind: 'string', read: (f) => f.customer?.country },
  'customer.orderCount': { kind: 'number', read: (f) => f.customer?.orderCount },
  'cart.subtotal': { kind: 'money', read: (f) => f.subtotal },
  'cart.itemCount': { kind: 'number', read: (f) => f.itemCount },
  'cart.currency': { kind: 'string', read: (f) => f.currency },
  channel: { kind: 'string', read: (f) => f.channel },
  coupons: { kind: 'list', read: (f) => f.coupons },
  now: { kind: 'time', read: (f) => f.now },
  'time.hour': { kind: 'number', read: (f) => f.hour },
  'time.weekday': { kind: 'number', read: (f) => f.weekday },
};

const lineFields: Record<string, { kind: Kind; read: (facts: CartLineFacts) => FieldValue }> = {
  'line.productId': { kind: 'string', read: (l) => l.productId },
  'line.variantId': { kind: 'string', read: (l) => l.variantId },
  'line.brand': { kind: 'string', read: (l) => l.brand ?? undefined },
  'line.categoryPath': { kind: 'list', read: (l) => l.categoryPath ?? [] },
  'line.tags': { kind: 'list', read: (l) => l.tags ?? [] },
  'line.optionValues': { kind: 'list', read: (l) => l.optionValues ?? [] },
  'line.quantity': { kind: 'number', read: (l) => l.quantity },
  'line.unitPrice': { kind: 'money', read: (l) => l.unitPrice },
};

const EXPERIMENT_PREFIX = 'experiment.';

function lookupField(field: string, scope: Scope): FieldDefinition | undefined {
  if (scope === 'line') return lineFields[field];
  if (field.startsWith(EXPERIMENT_PREFIX) && field.length > EXPERIMENT_PREFIX.length) {
    const key = field.slice(EXPERIMENT_PREFIX.length);
    return { kind: 'string', read: (f: ContextFacts) => f.experiments[key] };
  }
  return contextFields[field];
}

const operatorsByKind: Record<Kind, readonly Operator[]> = {
  string: ['eq', 'ne', 'in', 'nin', 'contains'],
  number: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  money: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  time: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'ne'],
  list: ['contains', 'in', 'nin'],
};

/** A problem found while compiling, with the JSON path to the offending node. */
export interface ConditionIssue {
  readonly path: string;
  readonly message: string;
}

/** The first leaf that made a condition false, for the explanation. */
export interface FailedCheck {
  readonly field: string;
  readonly op: Operator | 'not' | 'lines';
  readonly expected: unknown;
  readonly actual: unknown;
}

export interface CompiledCondition<Facts> {
  test(facts: Facts): boolean;
  /** The leaf to blame when `test` is false; undefined when it is true. */
  explain(facts: Facts): FailedCheck | undefined;
  /** Every context field the condition reads, so callers can classify a failure. */
  readonly fields: readonly string[];
}

function normalizeScalar(kind: Kind, value: unknown, field: string): Scalar | string {
  switch (kind) {
    case 'money':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new Error(
          `${field} is money: compare it with an integer of minor units, got ${JSON.stringify(value)}`,
        );
      }
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new Error(`${field} is a number: compare it with a number, got ${JSON.stringify(value)}`);
      }
      return value;
    case 'time': {
      const instant = typeof value === 'string' ? Date.parse(value) : value;
      if (typeof instant !== 'number' || !Number.isFinite(instant)) {
        throw new Error(`${field} is a time: compare it with an ISO 8601 text or epoch milliseconds`);
      }
      return instant;
    }
    case 'boolean':
      if (typeof value !== 'boolean')
        throw new Error(`${field} is true or false, got ${JSON.stringify(value)}`);
      return value;
    case 'string':
    case 'list':
      if (typeof value !== 'string')
        throw new Error(`${field} holds text: compare it with text, got ${JSON.stringify(value)}`);
      return field === 'coupons' ? value.trim().toUpperCase() : value;
  }
}

type Predicate = (actual: FieldValue) => boolean;

function buildPredicate(
  kind: Kind,
  op: Operator,
  raw: unknown,
  field: string,
): { predicate: Predicate; expected: unknown } {
  if (op === 'in' || op === 'nin') {
    if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${field} ${op} needs a non-empty list`);
    const set = new Set(raw.map((v) => normalizeScalar(kind, v, field)));
    const hit: Predicate =
      kind === 'list'
        ? (actual) => Array.isArray(actual) && actual.some((v) => set.has(v))
        : (actual) => actual !== undefined && set.has(actual as Scalar);
    return { predicate: op === 'in' ? hit : (actual) => !hit(actual), expected: [...set] };
  }
  const expected = normalizeScalar(kind, raw, field);
  if (kind === 'list')
    return { predicate: (a) => Array.isArray(a) && a.includes(expected as string), expected };
  switch (op) {
    case 'eq':
      return { predicate: (a) => a === expected, expected };
    case 'ne':
      return { predicate: (a) => a !== expected, expected };
    case 'contains':
      return { predicate: (a) => typeof a === 'string' && a.includes(expected as string), expected };
    case 'gt':
      return { predicate: (a) => typeof a === 'number' && a > (expected as number), expected };
    case 'gte':
      return { predicate: (a) => typeof a === 'number' && a >= (expected as number), expected };
    case 'lt':
      return { predicate: (a) => typeof a === 'number' && a < (expected as number), expected };
    case 'lte':
      return { predicate: (a) => typeof a === 'number' && a <= (expected as number), expected };
  }
}

function compileNode<Facts>(
  node: Condition,
  scope: Scope,
  path: string,
  issues: ConditionIssue[],
  fields: string[],
): CompiledCondition<Facts> | undefined {
  if ('all' in node || 'any' in node) {
    const isAll = 'all' in node;
    const children = (isAll ? node.all : node.any)
      .map((child, i) =>
        compileNode<Facts>(child, scope, `${path}.${isAll ? 'all' : 'any'}[${i}]`, issues, fields),
      )
      .filter((c): c is CompiledCondition<Facts> => c !== undefined);
    const test = isAll
      ? (facts: Facts) => children.every((c) => c.test(facts))
      : (facts: Facts) => children.some((c) => c.test(facts));
    return {
      test,
      fields,
      explain: (facts) => {
        if (test(facts)) return undefined;
        const failing = isAll ? children.find((c) => !c.test(facts)) : children[0];
        return failing?.explain(facts);
      },
    };
  }
  if ('not' in node) {
    const innerFields: string[] = [];
    const inner = compileNode<Facts>(node.not, scope, `${path}.not`, issues, innerFields);
    if (!inner) return undefined;
    fields.push(...innerFields);
    const blamed = innerFields[0] ?? '';
    return {
      test: (facts) => !inner.test(facts),
      fields,
      explain: (facts) =>
        inner.test(facts) ? { field: blamed, op: 'not', expected: false, actual: true } : undefined,
    };
  }
  if ('lines' in node) {
    if (scope === 'line') {
      issues.push({ path, message: 'a lines condition cannot be nested inside another lines condition' });
      return undefined;
    }
    const inner = compileNode<CartLineFacts>(node.lines, 'line', `${path}.lines`, issues, []);
    if (!inner) return undefined;
    const minimum = node.minQuantity ?? 1;
    const matched = (facts: Facts) => {
      let quantity = 0;
      for (const line of (facts as ContextFacts).lines) if (inner.test(line)) quantity += line.quantity;
      return quantity;
    };
    fields.push('lines');
    return {
      test: (facts) => matched(facts) >= minimum,
      fields,
      explain: (facts) => {
        const quantity = matched(facts);
        return quantity >= minimum
          ? undefined
          : { field: 'lines', op: 'lines', expected: minimum, actual: quantity };
      },
    };
  }
  const definition = lookupField(node.field, scope);
  if (!definition) {
    issues.push({ path: `${path}.field`, message: `unknown ${scope} field "${node.field}"` });
    return undefined;
  }
  if (!operatorsByKind[definition.kind].includes(node.op)) {
    issues.push({ path: `${path}.op`, message: `${node.field} does not support ${node.op}` });
    return undefined;
  }
  let built: ReturnType<typeof buildPredicate>;
  try {
    built = buildPredicate(definition.kind, node.op, node.value, node.field);
  } catch (error) {
    issues.push({ path: `${path}.value`, message: (error as Error).message });
    return undefined;
  }
  const { predicate, expected } = built;
  const read = definition.read as (facts: Facts) => FieldValue;
  fields.push(node.field);
  const field = node.field;
  const op = node.op;
  return {
    test: (facts) => predicate(read(facts)),
    fields,
    explain: (facts) => {
      const actual = read(facts);
      return predicate(actual) ? undefined : { field, op, expected, actual };
    },
  };
}

/** Compiles a condition for one scope, or returns the issues that make it invalid. */
export function compileCondition<Facts = ContextFacts>(
  condition: Condition,
  scope: Scope,
  path = '$',
): { condition: CompiledCondition<Facts> } | { issues: ConditionIssue[] } {
  const issues: ConditionIssue[] = [];
  const compiled = compileNode<Facts>(condition, scope, path, issues, []);
  if (issues.length > 0 || !compiled) return { issues };
  return { condition: compiled };
}

export const alwaysTrue: CompiledCondition<never> = {
  test: () => true,
  explain: () => undefined,
  fields: [],
};
