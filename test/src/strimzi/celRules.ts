/**
 * The `x-kubernetes-validations` (CEL) rules that occur in the Strimzi Connect CRDs,
 * as JavaScript predicates. Ajv cannot run CEL and a CEL interpreter is out of scope,
 * so each known rule text maps to an equivalent check; an unknown rule fails loudly
 * (celCheck throws) instead of being silently ignored.
 */

export type CelObject = Record<string, unknown>;

/** CEL errors on reading an absent field; the API server then rejects the object. */
export class NoSuchKey extends Error {}

type Term = () => boolean;

function field(self: CelObject, key: string): unknown {
  if (!(key in self)) throw new NoSuchKey(`no such key: ${key}`);
  return self[key];
}

const has = (self: CelObject, key: string): boolean => key in self;

// CEL's || and && are commutative over errors: `error || true` is true, `error && false` is false.
function or(...terms: Term[]): boolean {
  let error: unknown;
  for (const term of terms) {
    try {
      if (term()) return true;
    } catch (e) {
      error ??= e;
    }
  }
  if (error) throw error;
  return false;
}

function and(...terms: Term[]): boolean {
  let error: unknown;
  for (const term of terms) {
    try {
      if (!term()) return false;
    } catch (e) {
      error ??= e;
    }
  }
  if (error) throw error;
  return true;
}

const RULES: Record<string, (self: CelObject) => boolean> = {
  "self.type != 'jmxPrometheusExporter' || has(self.valueFrom)": s =>
    or(
      () => field(s, 'type') !== 'jmxPrometheusExporter',
      () => has(s, 'valueFrom'),
    ),
  "self.type != 'strimziMetricsReporter'": s =>
    field(s, 'type') !== 'strimziMetricsReporter',
  '(has(self.type) && self.type != "topology-label") || self.topologyKey != ""':
    s =>
      or(
        () =>
          and(
            () => has(s, 'type'),
            () => field(s, 'type') !== 'topology-label',
          ),
        () => field(s, 'topologyKey') !== '',
      ),
  'has(self.type) == false || self.type != "environment-variable" || self.envVarName != ""':
    s =>
      or(
        () => !has(s, 'type'),
        () => field(s, 'type') !== 'environment-variable',
        () => field(s, 'envVarName') !== '',
      ),
};

/** The predicate for one rule text; throws for a rule this file does not know yet. */
export function celCheck(rule: string): (self: CelObject) => boolean {
  const check = RULES[rule.trim()];
  if (!check) {
    throw new Error(
      `Unsupported x-kubernetes-validations rule ${JSON.stringify(rule)}: ` +
        'add its JavaScript equivalent to test/src/strimzi/celRules.ts',
    );
  }
  return check;
}
