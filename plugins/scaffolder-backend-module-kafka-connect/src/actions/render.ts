import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatProblem,
  Layout,
  Problem,
  renderCluster,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { userFacing } from '../lib/errors';
import { assertMayOwn, readAnyOwnerFor } from '../lib/ownership';
import { assertPolicy, loadPolicy, readPolicySource } from '../lib/policy';
import { relativeFolder } from '../lib/paths';
import { clusterFacts, renderSummary } from '../lib/summary';
import { writeFilesInside } from '../lib/writeFiles';
import { examples } from './render.examples';

export const RENDER_ACTION_ID = 'kafka-connect:render';

/** One line per problem under a short header, as the CLI prints them. */
function valuesError(problems: readonly Problem[]): InputError {
  const header =
    problems.length === 1
      ? 'The Kafka Connect values have 1 problem:'
      : `The Kafka Connect values have ${problems.length} problems:`;
  return userFacing(
    new InputError([header, ...problems.map(formatProblem)].join('\n')),
  );
}

/**
 * Options for {@link createKafkaConnectRenderAction}.
 *
 * @public
 */
export interface KafkaConnectRenderActionOptions {
  /**
   * The root config; `kafkaConnect.ownership.anyOwnerFor` lists users and groups whose
   * members may create clusters for any owner (otherwise only for their own groups);
   * `kafkaConnect.policy` the platform's policy the values must keep (docs/policy.md).
   */
  config?: Config;
}

/**
 * Renders the skeleton of a Strimzi Kafka Connect cluster (values file, catalog entity,
 * Dockerfile, Helm chart or Kustomize folder) into the task workspace.
 *
 * @public
 */
export function createKafkaConnectRenderAction(
  options: KafkaConnectRenderActionOptions = {},
) {
  const anyOwnerFor = readAnyOwnerFor(options.config);
  // A broken inline policy or setting stops the backend at start, naming the key.
  const policySource = readPolicySource(options.config);
  return createTemplateAction({
    id: RENDER_ACTION_ID,
    description:
      'Checks the values of a Kafka Connect cluster and renders its files (connect-cluster.yaml, catalog-info.yaml, README.md, Dockerfile, and a Helm chart or Kustomize folder) into the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        values: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              'The cluster as described in docs/values.md (name, namespace, owner, kafka.bootstrapServers, ...). References to secrets only, never secret values.',
            ),
        layout: z =>
          z
            .enum(['helm', 'kustomize'])
            .optional()
            .describe(
              'How the Kubernetes objects are laid out: a small Helm chart (default) or one file per object with a kustomization.yaml.',
            ),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to write into, relative to the workspace (default ".").',
            ),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Every file written, relative to the workspace.'),
        targetPath: z =>
          z
            .string()
            .describe('The folder written into, relative to the workspace.'),
        clusterName: z => z.string().describe('The cluster name.'),
        namespace: z => z.string().describe('The Kubernetes namespace.'),
        entityRef: z =>
          z
            .string()
            .describe(
              'The catalog entity of the cluster, e.g. resource:default/orders-prod.',
            ),
        summary: z =>
          z
            .string()
            .describe(
              'Markdown: versions, image, Kubernetes objects and files.',
            ),
      },
    },
    async handler(ctx) {
      // The scaffolder applies no zod defaults at run time: they are applied here.
      const layout: Layout = ctx.input.layout ?? 'helm';
      const targetPath = relativeFolder(
        ctx.input.targetPath ?? '.',
        'targetPath',
        {
          allowRoot: true,
        },
      );

      const rendered = renderCluster(ctx.input.values, { layout });
      if (!rendered.ok) throw valuesError(rendered.problems);
      const { values } = rendered.value;
      const grant = assertMayOwn(values.owner, ctx.user, anyOwnerFor);
      if (grant.by === 'anyOwnerFor') {
        ctx.logger.info(
          `Owner ${values.owner} is not a group of ${ctx.user?.ref}; allowed as ${grant.ref} is in kafkaConnect.ownership.anyOwnerFor`,
        );
      }
      // The policy after the values' own checks and before anything is written: a violation
      // leaves no file in the workspace for a later step to push.
      const policy = await loadPolicy(policySource, {
        tempDir: () => ctx.createTemporaryDirectory(),
        signal: ctx.signal,
      });
      if (policy) {
        assertPolicy(values, policy);
        ctx.logger.info(`The values keep the policy (${policy.origin})`);
      }

      // Same files in a dry run: they only land in the workspace, which a dry run throws away.
      const files = await writeFilesInside(
        ctx.workspacePath,
        targetPath,
        rendered.value.files,
      );
      // The values are not logged: they may name where secrets live. The file list is enough.
      ctx.logger.info(
        `Rendered Kafka Connect cluster ${values.namespace}/${
          values.name
        } (${layout} layout) into ${targetPath}: ${files.join(', ')}`,
      );

      const facts = clusterFacts(rendered.value);
      ctx.output('files', files);
      ctx.output('targetPath', targetPath);
      ctx.output('clusterName', values.name);
      ctx.output('namespace', values.namespace);
      ctx.output('entityRef', facts.entityRef);
      ctx.output('summary', renderSummary(facts, files));
    },
  });
}
