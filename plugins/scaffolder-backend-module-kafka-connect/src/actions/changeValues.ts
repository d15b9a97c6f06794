import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeCluster,
  formatProblem,
  SUPPORTED_STRIMZI_VERSIONS,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { userFacing } from '../lib/errors';
import { examples } from './changeValues.examples';

export const CHANGE_VALUES_ACTION_ID = 'kafka-connect:change-values';

/** The form's text field holds YAML; a caller may pass an object as well. */
function readChanges(changes: unknown): unknown {
  if (typeof changes !== 'string') return changes ?? {};
  if (changes.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parse(changes);
  } catch (error) {
    throw userFacing(
      new InputError(
        `changes: not YAML (${(error as Error).message.split('\n')[0]})`,
      ),
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw userFacing(
      new InputError(
        'changes: must be a mapping of the fields to change (replicas: 3), as in connect-cluster.yaml',
      ),
    );
  }
  return parsed;
}

/**
 * Applies a change to the values of a cluster that exists: the fields to change merged onto
 * today's values, an upgrade to a newer Strimzi release, and the check that the cluster's
 * identity (name, namespace, group and storage topics) stays as it is unless a person says
 * the group and topics are meant to change.
 *
 * @public
 */
export function createChangeValuesAction() {
  return createTemplateAction({
    id: CHANGE_VALUES_ACTION_ID,
    description:
      "Merges the fields to change onto a cluster's values, carries them to a newer Strimzi release if asked, and refuses a change of the cluster's identity (group.id, storage topics) unless it is meant; the new values and the change in words.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        current: z =>
          z
            .record(z.string(), z.unknown())
            .describe(
              "The cluster's values today (kafka-connect:read-cluster's values).",
            ),
        changes: z =>
          z
            .union([z.string(), z.record(z.string(), z.unknown())])
            .optional()
            .describe(
              'The fields to change, as YAML text or an object, merged onto the values: mappings field by field, lists replaced whole, null removes a field.',
            ),
        upgradeTo: z =>
          z
            .string()
            .optional()
            .describe(
              'A Strimzi release to carry the values over to; empty: keep the release.',
            ),
        allowIdentityChange: z =>
          z
            .boolean()
            .optional()
            .describe(
              "Let connect.groupId and the storage topics change (the cluster's connectors start over); default false.",
            ),
      },
      output: {
        values: z =>
          z
            .record(z.string(), z.unknown())
            .describe('The values after the change, for kafka-connect:render.'),
        changes: z =>
          z.array(z.string()).describe('Every field that changes, in words.'),
        notes: z =>
          z
            .array(z.string())
            .describe('What the upgrade moved besides the release.'),
        operatorSteps: z =>
          z
            .array(z.string())
            .describe('What the Strimzi operator needs first, in order.'),
        strimziFrom: z =>
          z.string().optional().describe('The Strimzi release of today.'),
        strimziTo: z =>
          z.string().describe('The Strimzi release after the change.'),
      },
    },
    async handler(ctx) {
      const upgradeTo = ctx.input.upgradeTo?.trim() || undefined;
      if (upgradeTo && !SUPPORTED_STRIMZI_VERSIONS.includes(upgradeTo)) {
        throw userFacing(
          new InputError(
            `upgradeTo must be one of ${SUPPORTED_STRIMZI_VERSIONS.join(
              ', ',
            )}, not "${upgradeTo}"`,
          ),
        );
      }
      const result = changeCluster(ctx.input.current, {
        changes: readChanges(ctx.input.changes),
        upgradeTo,
        allowIdentityChange: ctx.input.allowIdentityChange ?? false,
      });
      if (!result.ok) {
        const n = result.problems.length;
        throw userFacing(
          new InputError(
            [
              `The change has ${n === 1 ? '1 problem' : `${n} problems`}:`,
              ...result.problems.map(formatProblem),
            ].join('\n'),
          ),
        );
      }
      const { values, before, changes, notes, operatorSteps, release } =
        result.value;
      ctx.logger.info(
        changes.length === 0
          ? `No field of ${values.namespace}/${values.name} changes`
          : `${changes.length} fields of ${values.namespace}/${
              values.name
            } change: ${changes.join('; ')}`,
      );
      ctx.output('values', values);
      ctx.output('changes', changes);
      ctx.output('notes', notes);
      ctx.output('operatorSteps', operatorSteps);
      if (before) ctx.output('strimziFrom', before.strimzi.version);
      ctx.output('strimziTo', release.version);
    },
  });
}
