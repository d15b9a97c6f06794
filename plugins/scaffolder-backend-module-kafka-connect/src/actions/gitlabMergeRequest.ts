import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { refuseInput } from '../lib/errors';
import { gitlabStatusOf } from '../lib/gitlabApi';
import { gitlabProjects } from '../lib/gitlabProject';
import { branchNameProblem } from '../lib/refName';
import { examples } from './gitlabMergeRequest.examples';
import { gitlabRepoUrl, gitlabToken } from './inputProperties';

export const GITLAB_MERGE_REQUEST_ACTION_ID =
  'kafka-connect:gitlab:merge-request';

/**
 * Options for {@link createGitlabMergeRequestAction}.
 *
 * @public
 */
export interface GitlabMergeRequestActionOptions {
  /**
   * The root config; its `integrations.gitlab` entries give the API URL and token of each
   * host. With `scaffolder.requireScmUserCredentials` on, the step needs the user's `token`.
   */
  config: Config;
}

/** The few fields of GitLab's merge request object that the action reads. */
interface MergeRequestJson {
  iid: number;
  web_url: string;
  source_branch: string;
  target_branch: string;
  source_project_id?: number;
  title?: string;
}

interface ProjectJson {
  id: number;
  path_with_namespace?: string;
  default_branch?: string | null;
  web_url?: string;
}

/** What the checkpoints keep: JSON, so that a resumed task gets it back as it was. */
type MergeRequestResult = {
  iid: number;
  mergeRequestUrl: string;
  targetBranch: string;
  created: boolean;
};

const refuse = refuseInput;

/**
 * Opens a merge request on GitLab from a branch, or updates the merge request already open
 * from it, so that running a template again for the same thing updates the same request.
 *
 * @public
 */
export function createGitlabMergeRequestAction(
  options: GitlabMergeRequestActionOptions,
) {
  const gitlab = gitlabProjects(options.config, GITLAB_MERGE_REQUEST_ACTION_ID);

  return createTemplateAction({
    id: GITLAB_MERGE_REQUEST_ACTION_ID,
    description:
      'Opens a GitLab merge request from sourceBranch, or updates the title and description of the one already open from it. Pair it with gitlab:repo:push, which commits the files to that branch: running the template again then updates the same branch and the same merge request.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoUrl: gitlabRepoUrl,
        sourceBranch: z =>
          z
            .string()
            .describe(
              'The branch with the changes, e.g. kafka-connect/orders. It must exist (gitlab:repo:push creates it).',
            ),
        title: z => z.string().describe('Title of the merge request.'),
        description: z =>
          z.string().describe('Description of the merge request (markdown).'),
        targetBranch: z =>
          z
            .string()
            .optional()
            .describe(
              "The branch to merge into. Default: the project's default branch; an open merge request from sourceBranch keeps its target.",
            ),
        token: gitlabToken,
        removeSourceBranch: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Whether GitLab deletes sourceBranch once the merge request is merged. Left as GitLab has it when not given.',
            ),
      },
      output: {
        mergeRequestUrl: z =>
          z
            .string()
            .describe(
              "The merge request's web page. In a dry run that would open one: GitLab's page for a new merge request from sourceBranch.",
            ),
        iid: z =>
          z
            .number()
            .describe(
              'The merge request number in the project (!iid); 0 in a dry run that would open one.',
            ),
        created: z =>
          z
            .boolean()
            .describe(
              'true when this run opened the merge request, false when it updated the open one.',
            ),
        targetBranch: z =>
          z.string().describe('The branch the merge request merges into.'),
      },
    },
    async handler(ctx) {
      const input = checkInput(ctx.input);
      const { project, projectPath, baseUrl, where, call } = gitlab.open(
        input,
        {
          signal: ctx.signal,
          about: `source branch ${input.sourceBranch}`,
        },
      );

      // https://docs.gitlab.com/api/projects/#get-a-single-project
      const projectJson = await call<ProjectJson>({
        method: 'GET',
        path: projectPath,
        purpose: 'read the project',
      });
      const targetBranch = input.targetBranch ?? projectJson.default_branch;
      if (!targetBranch) {
        throw refuse(
          `${where} has no default branch (is it empty?): push a first commit to it, or set targetBranch`,
        );
      }
      if (targetBranch === input.sourceBranch) {
        throw refuse(
          `sourceBranch ${input.sourceBranch} is the branch to merge into: use a branch of its own`,
        );
      }

      /** The open merge request from sourceBranch of this project (not of a fork), if any. */
      const findOpen = async (): Promise<MergeRequestJson | undefined> => {
        // https://docs.gitlab.com/api/merge_requests/#list-project-merge-requests
        const open = await call<MergeRequestJson[]>({
          method: 'GET',
          path: `${projectPath}/merge_requests`,
          query: {
            source_branch: input.sourceBranch,
            state: 'opened',
            per_page: '100',
          },
          purpose: 'list the open merge requests',
        });
        const own = (Array.isArray(open) ? open : []).filter(
          mr =>
            mr.source_branch === input.sourceBranch &&
            (mr.source_project_id === undefined ||
              mr.source_project_id === projectJson.id),
        );
        // The one into the target; with no targetBranch given, one that someone retargeted.
        return (
          own.find(mr => mr.target_branch === targetBranch) ??
          (input.targetBranch ? undefined : own[0])
        );
      };

      if (ctx.isDryRun) {
        const existing = await findOpen();
        const result: MergeRequestResult = existing
          ? toResult(existing, false)
          : {
              iid: 0,
              mergeRequestUrl: newMergeRequestUrl(
                projectJson.web_url ?? `${baseUrl}/${project}`,
                input.sourceBranch,
                targetBranch,
              ),
              targetBranch,
              created: true,
            };
        ctx.logger.info(
          existing
            ? `Dry run: would update merge request !${existing.iid} (${existing.web_url}) of ${where} from ${input.sourceBranch}`
            : `Dry run: would open a merge request of ${where} from ${input.sourceBranch} into ${targetBranch}`,
        );
        outputResult(ctx, result);
        return;
      }

      // Stable keys: a resumed task gets the first run's answer back and sends nothing again.
      const opened = await ctx.checkpoint<MergeRequestResult>({
        key: `kafka-connect.gitlab.merge-request.open.${project}.${input.sourceBranch}`,
        fn: async () => {
          const existing = await findOpen();
          if (existing) return toResult(existing, false);
          // https://docs.gitlab.com/api/merge_requests/#create-mr
          const createdJson = await call<MergeRequestJson>({
            method: 'POST',
            path: `${projectPath}/merge_requests`,
            body: {
              source_branch: input.sourceBranch,
              target_branch: targetBranch,
              title: input.title,
              description: input.description,
              ...(input.removeSourceBranch === undefined
                ? {}
                : { remove_source_branch: input.removeSourceBranch }),
            },
            purpose: `open a merge request into ${targetBranch}`,
          }).catch(async error => {
            // A 5xx, or no answer at all, says nothing about whether GitLab opened it: look.
            const status = gitlabStatusOf(error);
            if (status === undefined || (status !== 0 && status < 500))
              throw error;
            const found = await findOpen().catch(() => undefined);
            if (!found) throw error;
            ctx.logger.warn(
              `${(error as Error).message}; yet the merge request is open: !${
                found.iid
              } (${found.web_url})`,
            );
            return found;
          });
          return toResult(createdJson, true);
        },
      });

      let result = opened;
      if (!opened.created) {
        result = await ctx.checkpoint<MergeRequestResult>({
          key: `kafka-connect.gitlab.merge-request.update.${project}.${input.sourceBranch}.${opened.iid}`,
          fn: async () => {
            // https://docs.gitlab.com/api/merge_requests/#update-mr
            const updated = await call<MergeRequestJson>({
              method: 'PUT',
              path: `${projectPath}/merge_requests/${opened.iid}`,
              body: {
                title: input.title,
                description: input.description,
                // Only when asked: an open request that someone retargeted keeps its target.
                ...(input.targetBranch ? { target_branch: targetBranch } : {}),
                ...(input.removeSourceBranch === undefined
                  ? {}
                  : { remove_source_branch: input.removeSourceBranch }),
              },
              purpose: `update merge request !${opened.iid}`,
            });
            return toResult(updated, false);
          },
        });
      }

      ctx.logger.info(
        `${result.created ? 'Opened' : 'Updated'} merge request !${
          result.iid
        } of ${where} from ${input.sourceBranch} into ${result.targetBranch}: ${
          result.mergeRequestUrl
        }`,
      );
      outputResult(ctx, result);
    },
  });
}

interface CheckedInput {
  repoUrl: string;
  sourceBranch: string;
  title: string;
  description: string;
  targetBranch?: string;
  token?: string;
  removeSourceBranch?: boolean;
}

/** The scaffolder checks types; this checks what GitLab would refuse less clearly. */
function checkInput(input: CheckedInput): CheckedInput {
  for (const [field, value] of [
    ['sourceBranch', input.sourceBranch],
    ['targetBranch', input.targetBranch],
  ] as const) {
    if (value === undefined) continue;
    const problem = branchNameProblem(value);
    if (problem)
      throw refuse(`${field} ${problem} (got ${JSON.stringify(value)})`);
  }
  const title = input.title.trim();
  if (!title) throw refuse('title must not be empty');
  return {
    ...input,
    title,
    targetBranch: input.targetBranch || undefined,
    token: input.token || undefined,
  };
}

function toResult(mr: MergeRequestJson, created: boolean): MergeRequestResult {
  return {
    iid: mr.iid,
    mergeRequestUrl: mr.web_url,
    targetBranch: mr.target_branch,
    created,
  };
}

/** GitLab's page that starts a merge request from `source` into `target`. */
function newMergeRequestUrl(
  projectWebUrl: string,
  source: string,
  target: string,
): string {
  const query = new URLSearchParams({
    'merge_request[source_branch]': source,
    'merge_request[target_branch]': target,
  });
  return `${projectWebUrl}/-/merge_requests/new?${query}`;
}

function outputResult(
  ctx: {
    output(
      name: 'mergeRequestUrl' | 'iid' | 'created' | 'targetBranch',
      value: string | number | boolean,
    ): void;
  },
  result: MergeRequestResult,
) {
  ctx.output('mergeRequestUrl', result.mergeRequestUrl);
  ctx.output('iid', result.iid);
  ctx.output('created', result.created);
  ctx.output('targetBranch', result.targetBranch);
}
