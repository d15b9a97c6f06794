import type { TaskStep } from '@backstage/plugin-scaffolder-common';
import type { JsonObject } from '@backstage/types';
import { createTemplateRenderer } from 'nunjitsu';

/**
 * Whether the scaffolder will run a step of a task, decided before it runs, from the task's
 * parameters alone, with the scaffolder's own template engine (nunjitsu, as the backend's
 * workflow runner and the frontend's `when` of form pages use it).
 *
 * `undefined` means "cannot tell here": a condition that reads anything but `parameters`
 * (a step's output, `user`, `secrets`, `environment`, an `each` item), or one that the
 * engine refuses in the browser (a filter only the backend has). Such a step is shown.
 */
export type StepDecision = boolean | undefined;

// Without the backend's filters: a condition that needs one cannot be decided here.
const renderer = createTemplateRenderer({});

// Words of the expression language that are not variables.
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'true',
  'false',
  'True',
  'False',
  'none',
  'None',
  'null',
]);

/**
 * The names an expression reads from its root scope: every identifier that is neither a
 * member (`.type`), a filter (`| lower`), a keyword nor inside a string literal.
 */
export function rootNames(expression: string): string[] {
  const withoutStrings = expression.replace(
    /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g,
    '""',
  );
  const names = new Set<string>();
  for (const match of withoutStrings.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const before = withoutStrings.slice(0, match.index).trimEnd();
    const previous = before[before.length - 1];
    // A digit before it: part of a number such as 1e3, not a name.
    if (previous === '.' || previous === '|' || /\d$/.test(before)) continue;
    if (KEYWORDS.has(match[0])) continue;
    names.add(match[0]);
  }
  return [...names];
}

/** The scaffolder's truthiness of a rendered condition (its `isTruthy`). */
function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : !!value;
}

/** Whether the step will run, or undefined when that cannot be told from the parameters. */
export function decideStep(
  step: Pick<TaskStep, 'if' | 'each'>,
  parameters: JsonObject,
): StepDecision {
  const condition = step.if;
  if (condition === undefined || condition === null) return true;
  // With `each`, the runner decides the condition once per item, with the item in scope.
  if (step.each !== undefined) return undefined;
  if (typeof condition === 'boolean') return condition;
  if (typeof condition !== 'string') return undefined;
  // The runner skips only for `false` or a falsy rendered string; an empty one is falsy.
  if (condition === '') return false;
  const expressions = [...condition.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map(
    m => m[1],
  );
  if (expressions.some(e => rootNames(e).some(name => name !== 'parameters'))) {
    return undefined;
  }
  try {
    return isTruthy(
      renderer.renderValue(condition, { parameters } as never, {
        coercion: 'json',
      }),
    );
  } catch {
    // The runner treats a condition it cannot render as its raw text, which is truthy;
    // here it may just lack a backend filter. Either way: not known to be skipped.
    return undefined;
  }
}
