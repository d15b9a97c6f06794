import fs from 'node:fs';

/**
 * The metric names a Grafana dashboard's PromQL reads: every `expr` of a panel target and
 * the query of every query-type template variable, with label matchers, ranges, strings,
 * grouping clauses and function calls (`sum(`, `query_result(`) taken out.
 */

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'offset',
  'bool',
]);

/** Panel targets' `expr`, anywhere in the tree. */
function expressions(node: unknown, into: string[]): string[] {
  if (Array.isArray(node)) {
    for (const item of node) expressions(item, into);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'expr' && typeof value === 'string') into.push(value);
      else expressions(value, into);
    }
  }
  return into;
}

/** Template variables of type query: `query` (a string or `{query}`) and `definition`. */
function variableQueries(dashboard: any): string[] {
  const variables: any[] = dashboard?.templating?.list ?? [];
  return variables
    .filter(v => v.type === 'query')
    .flatMap(v => [
      typeof v.query === 'string' ? v.query : v.query?.query,
      v.definition,
    ])
    .filter((q): q is string => typeof q === 'string' && q !== '');
}

/** The metric names of one PromQL expression. */
export function metricNamesOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    // by (a, b), on(a), group_left(a): label lists, not metrics.
    .replace(
      /\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g,
      ' ',
    );
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w$:])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, word, call] = match;
    if (call || PROMQL_WORDS.has(word)) continue;
    names.add(word);
  }
  return [...names];
}

/** Sorted, distinct metric names of every query in the dashboard file. */
export function dashboardMetricNames(file: string): string[] {
  const dashboard: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = new Set<string>();
  for (const query of [
    ...expressions(dashboard, []),
    ...variableQueries(dashboard),
  ]) {
    for (const name of metricNamesOf(query)) names.add(name);
  }
  return [...names].sort();
}
