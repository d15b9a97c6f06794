import { isDeepStrictEqual } from 'node:util';
import {
  Problem,
  RenderedCluster,
  renderSkeleton,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { isYamlFile, parseYamlFile } from '../hostile/evidence';

/** What the properties demand of a render's outcome; each function returns complaints. */

/** Field-named problems, one line each, each reported once, never a stack trace. */
export function problemFailures(
  problems: readonly Problem[],
  inputIsMapping: boolean,
): string[] {
  if (problems.length === 0) return ['refused without a problem'];
  const lines = problems.map(p => `${p.path}: ${p.message}`);
  const twice = lines
    .filter((line, i) => lines.indexOf(line) !== i)
    .map(line => `reported twice: ${line}`);
  return [
    ...twice,
    ...problems.flatMap(p => {
      const failures: string[] = [];
      if (typeof p.path !== 'string' || typeof p.message !== 'string') {
        return [`problem is not {path, message}: ${JSON.stringify(p)}`];
      }
      // Only values that are not a mapping at all get the empty (whole-file) path.
      if (inputIsMapping ? !/^(\[|[A-Za-z_])/.test(p.path) : p.path !== '') {
        failures.push(
          `problem path does not name a field: ${JSON.stringify(p.path)}`,
        );
      }
      if (!p.message.trim() || /\n\s+at\s|Error:/.test(p.message)) {
        failures.push(`${p.path}: not a plain message: ${p.message}`);
      }
      return failures;
    }),
  ];
}

/**
 * Every YAML file is one document of data that survives being written and read again,
 * and connect-cluster.yaml renders the same files again.
 */
export function fileFailures(
  cluster: RenderedCluster,
  layout: 'helm' | 'kustomize',
): string[] {
  const failures = cluster.files
    .filter(f => isYamlFile(f.path))
    .flatMap(f => {
      const parsed = parseYamlFile(f);
      return parsed.ok ? [] : parsed.failures;
    });
  const written = cluster.files.find(f => f.path === 'connect-cluster.yaml');
  if (!written) return [...failures, 'no connect-cluster.yaml'];
  const again = renderSkeleton(parse(written.content), { layout });
  if (!again.ok) {
    failures.push(
      `connect-cluster.yaml is refused when rendered again: ${again.problems
        .map(p => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  } else if (!isDeepStrictEqual(again.value, cluster.files)) {
    const changed = again.value
      .filter((f, i) => cluster.files[i]?.content !== f.content)
      .map(f => f.path);
    failures.push(
      `rendered again from connect-cluster.yaml, files differ: ${changed.join(
        ', ',
      )}`,
    );
  }
  return failures;
}
