export { createKafkaConnectRenderAction, RENDER_ACTION_ID } from './render';
export { createGitPushBranchAction, PUSH_BRANCH_ACTION_ID } from './pushBranch';
export type { GitPushBranchActionOptions } from './pushBranch';
