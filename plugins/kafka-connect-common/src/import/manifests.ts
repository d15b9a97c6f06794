import { parseAllDocuments } from 'yaml';
import { Problem } from '../problems';

/**
 * The documents of pasted manifests (the adopt template's text, a file): a YAML error is one
 * problem at `path` naming the line and column, and empty documents are left out.
 */
export function parseManifests(
  text: string,
  path = 'manifests',
): { documents: unknown[]; problems: Problem[] } {
  const documents: unknown[] = [];
  for (const doc of parseAllDocuments(text)) {
    const error = doc.errors[0] ?? doc.warnings[0];
    if (error) {
      const where = error.linePos?.[0];
      return {
        documents: [],
        problems: [
          {
            path,
            message: `invalid YAML${
              where ? ` at ${where.line}:${where.col}` : ''
            }: ${error.message
              .split('\n')[0]
              .replace(/ at line \d+, column \d+:?$/, '')}`,
          },
        ],
      };
    }
    const value: unknown = doc.toJS();
    if (value !== null && value !== undefined) documents.push(value);
  }
  return { documents, problems: [] };
}
