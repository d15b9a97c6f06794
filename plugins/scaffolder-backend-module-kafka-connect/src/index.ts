/**
 * Scaffolder actions that render a Strimzi Kafka Connect cluster, push it to a GitOps repository,
 * and open or update its GitLab merge request.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKafkaConnect as default } from './module';
export {
  createGitlabMergeRequestAction,
  createGitPushBranchAction,
  createKafkaConnectRenderAction,
  GITLAB_MERGE_REQUEST_ACTION_ID,
  PUSH_BRANCH_ACTION_ID,
  RENDER_ACTION_ID,
} from './actions';
export type {
  GitlabMergeRequestActionOptions,
  GitPushBranchActionOptions,
} from './actions';
