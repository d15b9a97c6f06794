import { isDeepStrictEqual } from 'node:util';

/**
 * Field by field, what a rendered object lost, changed or gained against what the pasted
 * one (put through the import's documented normalisations) had: one line per setting, so
 * that a dropped setting reads as its path.
 */

type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function key(path: string, k: string | number) {
  if (typeof k === 'number') return `${path}[${k}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(k)
    ? `${path}${path ? '.' : ''}${k}`
    : `${path}[${JSON.stringify(k)}]`;
}

/** The lines `dropped PATH (was V)`, `changed PATH: A → B`, `added PATH: V`; none when equal. */
export function settingDifferences(
  expected: Json,
  actual: Json,
  path = '',
): string[] {
  if (isObject(expected) && isObject(actual)) {
    const keys = [
      ...new Set([...Object.keys(expected), ...Object.keys(actual)]),
    ];
    return keys.flatMap(k => {
      const at = key(path, k);
      if (!(k in actual)) {
        return [`dropped ${at} (was ${JSON.stringify(expected[k])})`];
      }
      if (!(k in expected))
        return [`added ${at}: ${JSON.stringify(actual[k])}`];
      return settingDifferences(expected[k], actual[k], at);
    });
  }
  if (
    Array.isArray(expected) &&
    Array.isArray(actual) &&
    expected.length === actual.length
  ) {
    return expected.flatMap((item, i) =>
      settingDifferences(item, actual[i], key(path, i)),
    );
  }
  return isDeepStrictEqual(expected, actual)
    ? []
    : [
        `changed ${path || '(whole)'}: ${JSON.stringify(
          expected,
        )} → ${JSON.stringify(actual)}`,
      ];
}

/** Every leaf path of `value` (`spec.config["group.id"]`), to say how much was compared. */
export function leafPaths(value: Json, path = ''): string[] {
  if (isObject(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      leafPaths(v, key(path, k)),
    );
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => leafPaths(v, key(path, i)));
  }
  return [path];
}
