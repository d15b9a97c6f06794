/**
 * Scaffolder actions that render a Strimzi Kafka Connect cluster and push it to a GitOps repository.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKafkaConnect as default } from './module';
export {
  createGitPushBranchAction,
  createKafkaConnectRenderAction,
  PUSH_BRANCH_ACTION_ID,
  RENDER_ACTION_ID,
} from './actions';
export type { GitPushBranchActionOptions } from './actions';
