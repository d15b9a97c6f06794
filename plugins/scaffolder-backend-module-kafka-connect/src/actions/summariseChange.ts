import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  changeSummary,
  fileChanges,
  hasChanges,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { createHash } from 'node:crypto';
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

/** Git's id of a blob holding `text`, as Git, GitHub and GitLab name a file's content. */
function blobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}

/** Whether a folder's files (path → Git blob id) are the same paths with the same ids. */
function sameFiles(
  a: ReadonlyMap<string, string>,
  b: ReadonlyMap<string, string>,
): boolean {
  return a.size === b.size && [...a].every(([file, id]) => b.get(file) === id);
}

const sorted = (paths: Iterable<string>) =>
  [...paths].sort((a, b) => (a < b ? -1 : Number(a > b)));

/**
 * Compares a cluster's folder as it is (kafka-connect:read-cluster's files) with its new
 * render, and words the change for the pull request: what changes in the values, what the
 * upgrade moved, what the operator needs first, which files change. `changed` is false when
 * the files are the same: the template then opens no pull request and pushes no branch.
 *
 * A change that is still pending on the branch (`branchFiles`, kafka-connect:read-pending-change)
 * is replaced there by this one: `filesToDelete` are the files of the folder on the default
 * branch or on that branch that the new render does not make, and the summary says that the
 * request replaces the pending change, and which of its files it drops.
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
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              'The branch the change goes to, for the words about a change pending on it.',
            ),
        branchFiles: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe(
              "The folder's files on that branch (kafka-connect:read-pending-change's files: path → Git blob id); empty or absent when no change is pending.",
            ),
      },
      output: {
        changed: z => z.boolean().describe('Whether any file differs.'),
        summary: z => z.string().describe('Markdown for the pull request.'),
        added: z => z.array(z.string()).describe('Files the change adds.'),
        modified: z =>
          z.array(z.string()).describe('Files the change modifies.'),
        removed: z =>
          z
            .array(z.string())
            .describe('Files the change removes from the default branch.'),
        filesToDelete: z =>
          z
            .array(z.string())
            .describe(
              "Files of the folder on the default branch or on the change's branch that the new render does not make: what the publish steps delete on the branch.",
            ),
        replacesPending: z =>
          z
            .boolean()
            .describe(
              'Whether the branch holds an earlier change of the folder, not merged, that this one replaces (false when nothing changes: then nothing is pushed).',
            ),
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

      // A change pending on the branch: its folder differs from the default branch's and
      // from the new render (the same as the new render: this change run again).
      const onBranch = new Map(Object.entries(ctx.input.branchFiles ?? {}));
      const ids = (folder: Map<string, string>) =>
        new Map([...folder].map(([file, text]) => [file, blobId(text)]));
      const pending =
        onBranch.size > 0 &&
        !sameFiles(onBranch, ids(current)) &&
        !sameFiles(onBranch, ids(next));
      const filesToDelete = sorted(
        new Set(
          [...current.keys(), ...onBranch.keys()].filter(f => !next.has(f)),
        ),
      );
      const dropped = sorted(
        [...onBranch.keys()].filter(f => !next.has(f) && !current.has(f)),
      );
      if (pending && !ctx.input.branch) {
        throw refuseInput(
          'branch: the branch that branchFiles were read from is needed to say which change is replaced',
        );
      }
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
        pending: pending ? { branch: ctx.input.branch!, dropped } : undefined,
      });
      // With no change, nothing is pushed: the pending change stays as it is.
      const replacesPending = pending && changed;
      if (replacesPending) {
        ctx.logger.info(
          `Branch ${ctx.input.branch} holds an earlier change of ${
            ctx.input.repositoryPath
          } that is not merged: this one replaces it${
            dropped.length ? `, dropping ${dropped.join(', ')}` : ''
          }`,
        );
      }
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
      ctx.output('filesToDelete', filesToDelete);
      ctx.output('replacesPending', replacesPending);
    },
  });
}
