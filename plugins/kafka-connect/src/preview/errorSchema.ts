import { PathSegment } from '@connect-skeleton/plugin-kafka-connect-common';
import { LocatedProblem } from './problemPaths';

/** RJSF's error schema: the errors of a node under `__errors`, its children by key. */
export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

function clone(tree: ErrorTree | undefined): ErrorTree {
  if (!tree) return {};
  const copy: ErrorTree = {};
  for (const [key, child] of Object.entries(tree)) {
    if (key === '__errors') copy.__errors = [...((child as string[]) ?? [])];
    else copy[key] = clone(child as ErrorTree);
  }
  return copy;
}

/**
 * The form's own errors with the problems of the common checks added at their fields, so
 * every field of the page shows its problem under it as the developer types. `skip` leaves
 * out the problems a field extension shows itself. Where a problem is, it replaces the
 * form's own (schema validator's) words for that field: the problem names the fix.
 */
export function withProblems(
  errors: ErrorTree | undefined,
  problems: readonly LocatedProblem[],
  skip: (segments: readonly PathSegment[]) => boolean,
): ErrorTree {
  const tree = clone(errors);
  const replaced = new Set<ErrorTree>();
  for (const problem of problems) {
    if (skip(problem.segments)) continue;
    let node = tree;
    for (const segment of problem.segments) {
      const key = String(segment);
      node[key] = (node[key] as ErrorTree | undefined) ?? {};
      node = node[key] as ErrorTree;
    }
    const list = (node.__errors = replaced.has(node)
      ? node.__errors ?? []
      : []);
    replaced.add(node);
    if (!list.includes(problem.message)) list.push(problem.message);
  }
  return tree;
}
