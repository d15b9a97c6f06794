import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeSummary,
  fileChanges,
  hasChanges,
} from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { refuseInput } from '../lib/errors';
import { CLUSTER_FILE } from '../lib/guard';
import { relativeFolder } from '../lib/paths';
import { listSourceFiles } from '../lib/sourceFiles';
import { workspaceFolder } from '../lib/workspaceFolder';
import { examples } from './summariseChange.examples';

export const SUMMARISE_CHANGE_ACTION_ID = 'kafka-connect:summarise-change';

async function readFolder(
  workspace: string,
  folder: string,
  field: string,
): Promise<Map<string, string>> {
  const relative = relativeFolder(folder, field, { allowRoot: true });
  const dir = await workspaceFolder(workspace, relative, field);
  const files = new Map<string, string>();
  for (const file of await listSourceFiles(dir, relative)) {
    files.set(
      file,
      await fs.readFile(path.join(dir, ...file.split('/')), 'utf8'),
    );
  }
  return files;
}

/**
 * Compares a cluster's folder as it is (kafka-connect:read-cluster's files) with its new
 * render, and words the change for the pull request: what changes in the values, what the
 * upgrade moved, what the operator needs first, which files change. `changed` is false when
 * the files are the same: the template then opens no pull request and pushes no branch.
 *
 * @public
 */
export function createSummariseChangeAction() {
  return createTemplateAction({
    id: SUMMARISE_CHANGE_ACTION_ID,
    description:
      "Compares a cluster's current files with its new render and words the change for a pull request; changed is false when nothing differs.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        currentPath: z =>
          z
            .string()
            .describe("Workspace folder with the cluster's files as they are."),
        sourcePath: z =>
          z
            .string()
            .describe(
              'Workspace folder with the new render (kafka-connect:render).',
            ),
        repositoryPath: z =>
          z
            .string()
            .describe("The cluster's folder in the repository, for the words."),
        changes: z =>
          z.array(z.string()).optional().describe('Value changes in words.'),
        notes: z =>
          z
            .array(z.string())
            .optional()
            .describe('What the upgrade moved besides the release.'),
        operatorSteps: z =>
          z
            .array(z.string())
            .optional()
            .describe('What the Strimzi operator needs first.'),
        strimziFrom: z =>
          z.string().optional().describe('The Strimzi release of today.'),
      },
      output: {
        changed: z => z.boolean().describe('Whether any file differs.'),
        summary: z => z.string().describe('Markdown for the pull request.'),
        added: z => z.array(z.string()).describe('Files the change adds.'),
        modified: z =>
          z.array(z.string()).describe('Files the change modifies.'),
        removed: z => z.array(z.string()).describe('Files the change removes.'),
      },
    },
    async handler(ctx) {
      const current = await readFolder(
        ctx.workspacePath,
        ctx.input.currentPath,
        'currentPath',
      );
      const next = await readFolder(
        ctx.workspacePath,
        ctx.input.sourcePath,
        'sourcePath',
      );
      const values = parse(next.get(CLUSTER_FILE) ?? '') as
        | { name?: string; namespace?: string; strimzi?: { version?: string } }
        | undefined;
      if (!values?.name || !values.namespace) {
        throw refuseInput(
          `sourcePath: ${ctx.input.sourcePath}/${CLUSTER_FILE} names no cluster: run kafka-connect:render first`,
        );
      }
      const files = fileChanges(current, next);
      const changed = hasChanges(files);
      const summary = changeSummary({
        name: values.name,
        namespace: values.namespace,
        folder: ctx.input.repositoryPath,
        strimzi: {
          from: ctx.input.strimziFrom,
          to: values.strimzi?.version ?? '',
        },
        changes: ctx.input.changes ?? [],
        notes: ctx.input.notes ?? [],
        operatorSteps: ctx.input.operatorSteps ?? [],
        files,
      });
      ctx.logger.info(
        changed
          ? `${files.added.length} files added, ${files.changed.length} changed, ${files.removed.length} removed in ${ctx.input.repositoryPath}`
          : `No file of ${ctx.input.repositoryPath} changes: nothing to propose`,
      );
      ctx.output('changed', changed);
      ctx.output('summary', summary);
      ctx.output('added', files.added);
      ctx.output('modified', files.changed);
      ctx.output('removed', files.removed);
    },
  });
}
