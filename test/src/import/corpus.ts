import fs from 'node:fs';
import path from 'node:path';
import {
  formatProblem,
  importCluster,
  parseChecksums,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';
import { manifestsOf } from '../render/renderHelpers';
import { expectedObjects, flattenList } from './normalisations';

/** The corpus: clusters of the kinds teams run, one file each, described in its header. */
// eslint-disable-next-line no-restricted-syntax -- tests run from source
export const CORPUS_DIR = path.join(__dirname, 'corpus');

export interface CorpusCase {
  file: string;
  /** The target release, from the `# Target:` header line. */
  target: string;
  /** The --checksums file, from the `# Checksums:` header line. */
  checksums: Record<string, string>;
  documents: Record<string, any>[];
}

export function readDocuments(file: string): Record<string, any>[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(doc => doc.toJS())
    .filter(Boolean);
}

export function corpusCases(): CorpusCase[] {
  return fs
    .readdirSync(CORPUS_DIR)
    .filter(f => f.endsWith('.yaml'))
    .sort()
    .map(file => {
      const full = path.join(CORPUS_DIR, file);
      const text = fs.readFileSync(full, 'utf8');
      const target = /^# Target: (\S+)$/m.exec(text)?.[1];
      if (!target) throw new Error(`${file}: no "# Target:" header line`);
      const checksumsFile = /^# Checksums: (\S+)$/m.exec(text)?.[1];
      const checksums = checksumsFile
        ? parseChecksums(
            fs.readFileSync(path.join(CORPUS_DIR, checksumsFile), 'utf8'),
            checksumsFile,
          ).checksums
        : {};
      return { file, target, checksums, documents: readDocuments(full) };
    });
}

/**
 * Imports `documents`, renders the values and returns the rendered KafkaConnect and
 * KafkaConnectors beside what the normalisations predict from the originals.
 */
export function roundTrip(
  documents: Record<string, any>[],
  options: {
    target: string;
    namespace?: string;
    checksums?: Record<string, string>;
    strimziExampleMetrics?: boolean;
  },
) {
  const imported = importCluster(documents, {
    owner: 'group:default/platform',
    namespace: options.namespace,
    strimzi: options.target,
    checksums: options.checksums,
  });
  if (!imported.ok) {
    throw new Error(
      `import refused:\n${imported.problems.map(formatProblem).join('\n')}`,
    );
  }
  const rendered = manifestsOf(imported.values);
  const expected = expectedObjects(flattenList(documents), {
    values: imported.values,
    rendered,
    checksums: options.checksums ?? {},
    strimziExampleMetrics: options.strimziExampleMetrics ?? false,
  });
  const byName = (a: any, b: any) =>
    `${a.kind}/${a.metadata.name}`.localeCompare(
      `${b.kind}/${b.metadata.name}`,
    );
  return {
    values: imported.values,
    notes: imported.notes,
    rendered,
    actual: rendered
      .filter(o => o.kind === 'KafkaConnect' || o.kind === 'KafkaConnector')
      .sort(byName),
    expected: expected.sort(byName),
  };
}
