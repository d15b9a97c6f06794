import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** The non-empty documents of a multi-document YAML file, as plain JS values. */
export function readYamlDocuments(file: string): unknown[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).flatMap(doc => {
    // A parse error would otherwise surface later as a confusing schema error.
    if (doc.errors.length > 0) {
      throw new Error(`${file}: ${doc.errors.map(e => e.message).join('; ')}`);
    }
    const value: unknown = doc.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}
