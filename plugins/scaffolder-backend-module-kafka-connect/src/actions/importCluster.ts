import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatProblem,
  importCluster,
  importedValuesYaml,
  parseChecksums,
  parseManifests,
  Problem,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { userFacing } from '../lib/errors';
import { examples } from './importCluster.examples';

export const IMPORT_ACTION_ID = 'kafka-connect:import';

function refused(header: string, problems: readonly Problem[]): InputError {
  return userFacing(
    new InputError([header, ...problems.map(formatProblem)].join('\n')),
  );
}

/**
 * Adopts a Kafka Connect cluster made by hand: reads its KafkaConnect (with its
 * KafkaConnectors and metrics ConfigMap, as `kubectl get -o yaml` prints them or a repository
 * holds them) with the importer that `connect-skeleton import` uses, and gives the values that
 * render to the same objects, with what the import changed in words. What it cannot carry over
 * fails the step, one line per field of the original.
 *
 * @public
 */
export function createImportClusterAction() {
  return createTemplateAction({
    id: IMPORT_ACTION_ID,
    description:
      'Reads a KafkaConnect made by hand (with its KafkaConnectors) and gives the values that render to the same objects, and what the import changed; what it cannot carry over fails the step, naming the original field.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        manifests: z =>
          z
            .string()
            .describe(
              'The KafkaConnect, its KafkaConnectors and metrics ConfigMap as YAML (kubectl get -o yaml, or the manifests).',
            ),
        owner: z =>
          z.string().describe('The owning team, e.g. group:default/orders.'),
        namespace: z =>
          z
            .string()
            .optional()
            .describe(
              'The namespace, when the manifests name none (or the cluster moves).',
            ),
        strimzi: z =>
          z
            .string()
            .optional()
            .describe('The target Strimzi release (default: the newest).'),
        checksums: z =>
          z
            .string()
            .optional()
            .describe(
              'sha512sum lines (<hash>  <url>) for artifacts without a checksum.',
            ),
        environment: z =>
          z
            .string()
            .optional()
            .describe(
              'The environment (part of the folder and the entity name); none when empty.',
            ),
        system: z =>
          z.string().optional().describe('The catalog system, when given.'),
      },
      output: {
        values: z =>
          z.record(z.string(), z.unknown()).describe('The imported values.'),
        notes: z =>
          z.array(z.string()).describe('What the import changed, in words.'),
        name: z => z.string().describe('The cluster name.'),
        summary: z =>
          z
            .string()
            .describe(
              'Markdown: what the import made of the cluster, and why.',
            ),
      },
    },
    async handler(ctx) {
      const strimzi = ctx.input.strimzi?.trim() || undefined;
      if (strimzi && !SUPPORTED_STRIMZI_VERSIONS.includes(strimzi)) {
        throw refused('The import cannot start:', [
          {
            path: 'strimzi',
            message: `must be one of ${SUPPORTED_STRIMZI_VERSIONS.join(', ')}`,
          },
        ]);
      }
      const problems: Problem[] = [];
      const parsed = parseManifests(ctx.input.manifests);
      problems.push(...parsed.problems);
      const checksums = ctx.input.checksums?.trim()
        ? parseChecksums(ctx.input.checksums, 'checksums')
        : undefined;
      if (checksums) problems.push(...checksums.problems);
      if (problems.length > 0) {
        throw refused('The pasted manifests cannot be read:', problems);
      }

      const result = importCluster(parsed.documents, {
        owner: ctx.input.owner,
        namespace: ctx.input.namespace?.trim() || undefined,
        strimzi,
        checksums: checksums?.checksums,
      });
      result.notes.forEach(note => ctx.logger.info(`note: ${note}`));
      if (!result.ok) {
        throw refused(
          `The cluster cannot be carried over as it is (${
            result.problems.length
          } ${
            result.problems.length === 1 ? 'problem' : 'problems'
          }); change it, or these fields of it, and paste it again:`,
          result.problems,
        );
      }
      const values: Record<string, unknown> = {
        ...result.values,
        ...(ctx.input.environment?.trim()
          ? { environment: ctx.input.environment.trim() }
          : {}),
        ...(ctx.input.system?.trim()
          ? { system: ctx.input.system.trim() }
          : {}),
      };
      const summary = [
        `### What the import made of \`${String(values.namespace)}/${String(
          values.name,
        )}\``,
        '',
        result.notes.length > 0
          ? 'What the import changed, and why:'
          : 'Everything carried over as it is.',
        '',
        ...result.notes.map(note => `- ${note}`),
        ...(result.notes.length > 0 ? [''] : []),
        'The values (`connect-cluster.yaml`):',
        '',
        '```yaml',
        importedValuesYaml(values).trimEnd(),
        '```',
        '',
      ].join('\n');
      ctx.output('values', values);
      ctx.output('notes', result.notes);
      ctx.output('name', String(values.name));
      ctx.output('summary', summary);
    },
  });
}
