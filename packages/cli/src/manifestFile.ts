import { parseAllDocuments } from 'yaml';
import { Problem } from '@connect-skeleton/plugin-kafka-connect-common';

export type ManifestsResult =
  | { ok: true; documents: unknown[] }
  | { ok: false; problems: Problem[] };

/**
 * The documents of a Kubernetes manifest file (`---` separated, as `kubectl get -o yaml`
 * or a GitOps repository holds them); empty documents are skipped. `file` names it.
 */
export function parseManifests(text: string, file: string): ManifestsResult {
  const documents: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    const error = doc.errors[0] ?? doc.warnings[0];
    if (error) {
      const what = error.message
        .split('\n')[0]
        .replace(/ at line \d+, column \d+:?$/, '');
      const where = error.linePos?.[0];
      const at = where ? ` at ${where.line}:${where.col}` : '';
      return {
        ok: false,
        problems: [{ path: file, message: `invalid YAML${at}: ${what}` }],
      };
    }
    try {
      const value: unknown = doc.toJS();
      if (value !== null && value !== undefined) documents.push(value);
    } catch (thrown) {
      return {
        ok: false,
        problems: [
          {
            path: file,
            message: `invalid YAML: ${
              thrown instanceof Error ? thrown.message : String(thrown)
            }`,
          },
        ],
      };
    }
  }
  return { ok: true, documents };
}
