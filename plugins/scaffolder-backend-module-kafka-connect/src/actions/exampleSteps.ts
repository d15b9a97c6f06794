import { MINIMAL_VALUES } from './render.examples';

/**
 * Steps the publishing examples begin with, written once so that every action's examples
 * publish the same cluster the same way.
 */

/** kafka-connect:render of the small cluster into the workspace folder `cluster`. */
export const RENDER_INTO_CLUSTER_FOLDER = {
  id: 'render',
  action: 'kafka-connect:render',
  name: 'Render the Kafka Connect cluster',
  input: { values: MINIMAL_VALUES, targetPath: 'cluster' },
};

/** gitlab:repo:push of that folder to branch kafka-connect/orders of the acme/gitops project. */
export const GITLAB_PUSH_TO_ORDERS_BRANCH = {
  id: 'push',
  action: 'gitlab:repo:push',
  name: 'Commit the files to the branch',
  input: {
    repoUrl: 'gitlab.com?owner=acme&repo=gitops',
    branchName: 'kafka-connect/orders',
    commitMessage: 'Kafka Connect cluster orders in streaming',
    sourcePath: 'cluster',
    targetPath: 'clusters/prod/orders',
    commitAction: 'auto',
  },
};
