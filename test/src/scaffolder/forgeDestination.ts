import { parse } from 'yaml';
import { succeededForgeOrdersChange } from './clusterChangeAudit';
import {
  clusterValues,
  ORDERS_FOLDER,
  ORDERS_SKELETON_FILES,
} from './clusterValues';
import { TaskResult } from './testBackend';

export type Forge = 'github' | 'gitlab';

/** The template's destination for a repository of that forge, as the form sends it. */
export function forgeDestination(forge: Forge, repoUrl: string) {
  return forge === 'github'
    ? { type: 'github', githubRepoUrl: repoUrl }
    : { type: 'gitlab', gitlabRepoUrl: repoUrl };
}

/**
 * The orders cluster sent to a forge's repository by the cluster template: the values of a
 * run, and the audit event of a run that opened or updated the request at `requestUrl`.
 */
export function ordersOnForge(forge: Forge, repoUrl: string) {
  return {
    values: (overrides: Record<string, unknown> = {}) => ({
      ...clusterValues(overrides),
      destination: forgeDestination(forge, repoUrl),
    }),
    auditedChange: (
      result: TaskResult,
      requestUrl: string,
      namespace?: string,
    ) =>
      succeededForgeOrdersChange({
        taskId: result.id,
        forge,
        repository: repoUrl,
        requestUrl,
        namespace,
      }),
  };
}

/**
 * The first run's branch against main: every added file in the cluster's folder, the
 * skeleton's files among them, main's README kept. Returns the added paths.
 */
export function expectSkeletonAdded(
  main: Map<string, string>,
  branch: Map<string, string>,
): string[] {
  const added = [...branch.keys()].filter(path => !main.has(path));
  expect(added.every(path => path.startsWith(`${ORDERS_FOLDER}/`))).toBe(true);
  expect(added.map(path => path.slice(ORDERS_FOLDER.length + 1))).toEqual(
    expect.arrayContaining(ORDERS_SKELETON_FILES),
  );
  expect(branch.get('README.md')).toBe('# GitOps\n');
  expect(
    parse(branch.get(`${ORDERS_FOLDER}/connect-cluster.yaml`)!),
  ).toMatchObject({ name: 'orders-cdc', namespace: 'streaming' });
  return added;
}

/**
 * The task's output names the request to merge (`kind`, shown as `[name](url)`) and the
 * cluster's catalog page, which works once the request is merged.
 */
export function expectRequestOutput(
  result: TaskResult,
  request: {
    kind: 'pull request' | 'merge request';
    name: string;
    title: string;
    url: string;
  },
) {
  expect(result.output?.links).toEqual([
    { title: request.title, url: request.url },
    {
      title: `The cluster in the catalog (there once the ${request.kind} is merged)`,
      icon: 'catalog',
      entityRef: expect.stringMatching(/^resource:default\/orders-cdc/),
    },
  ]);
  // The text says what to merge and when the catalog link starts to work.
  const deployed = result.output?.text?.find(
    t => t.title === 'How to get it deployed',
  )?.content;
  expect(deployed).toContain(`[${request.name}](${request.url}) into \`main\``);
  expect(deployed).toContain(
    'Until then its catalog page says "Entity not found"',
  );
}

/**
 * The catalog registrations of a run, at the default branch's URL (the entity appears once
 * the request is merged): the registration and its dry run.
 */
export function registeredAt(catalogInfo: string) {
  return [
    { type: 'url', target: catalogInfo, dryRun: false },
    { type: 'url', target: catalogInfo, dryRun: true },
  ];
}
