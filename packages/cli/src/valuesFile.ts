import { isMap, isScalar, parseAllDocuments, YAMLError } from 'yaml';
import {
  Problem,
  readCanonicalYaml,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { readTextFile } from './textFile';

export type ValuesResult =
  | { ok: true; values: unknown }
  | { ok: false; problems: Problem[] };

/** A file-level problem: it belongs to the values as a whole, so its path is `values`. */
function bad(message: string): ValuesResult {
  return { ok: false, problems: [{ path: 'values', message }] };
}

/** `Missing closing "quote at line 2, column 1:\n\n...` -> `Missing closing "quote`. */
function describe(error: YAMLError, file: string): string {
  const what = error.message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '');
  const where = error.linePos?.[0];
  const at = where ? ` at ${where.line}:${where.col}` : '';
  return `invalid YAML in ${file}${at}: ${what}`;
}

function kindOf(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  return `a ${typeof data}`;
}

/**
 * Reads and parses the values file. An unreadable file is bad usage (UsageError);
 * a file that is not one YAML mapping is bad values (problems).
 */
export async function readValuesFile(
  file: string,
  cwd: string,
): Promise<ValuesResult> {
  return parseValues(await readTextFile(file, cwd, 'values file'), file);
}

/** Parses the text of a values file; `file` only names it in messages. */
export function parseValues(text: string, file: string): ValuesResult {
  // A file as render wrote it (the usual case, a thousand times in a fleet command) reads
  // without the full parser; anything else, errors included, goes the full parser's way.
  const canonical = readCanonicalYaml(text);
  if (canonical) return { ok: true, values: canonical };
  const docs = parseAllDocuments(text);
  // An empty stream parses to an EmptyStream, which has no documents.
  const all = Array.isArray(docs) ? docs : [];
  for (const doc of all) {
    const error = doc.errors[0] ?? doc.warnings[0];
    if (error) return bad(describe(error, file));
  }
  // `a: 1\n---\n` has a trailing empty document; only documents with content count.
  const filled = all.filter(
    doc =>
      doc.contents !== null &&
      !(isScalar(doc.contents) && doc.contents.value === null),
  );
  if (filled.length > 1) {
    return bad(
      `${file} holds ${filled.length} YAML documents; put the values of one cluster in a file of its own`,
    );
  }
  const doc = filled[0];
  if (!doc || !isMap(doc.contents)) {
    let found = 'nothing';
    try {
      found = kindOf(doc?.toJS());
    } catch {
      // kindOf only words the message; the shape is wrong either way.
    }
    return bad(
      `${file} must hold one mapping of fields (name: ..., namespace: ...), found ${found}`,
    );
  }
  try {
    return { ok: true, values: doc.toJS() };
  } catch (error) {
    // toJS throws for unresolved aliases and alias bombs (maxAliasCount).
    return bad(
      `invalid YAML in ${file}: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}
