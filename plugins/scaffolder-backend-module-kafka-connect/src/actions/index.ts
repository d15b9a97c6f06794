export { createKafkaConnectRenderAction, RENDER_ACTION_ID } from './render';
export type { KafkaConnectRenderActionOptions } from './render';
export { createGitPushBranchAction, PUSH_BRANCH_ACTION_ID } from './pushBranch';
export type { GitPushBranchActionOptions } from './pushBranch';
export {
  createGitlabMergeRequestAction,
  GITLAB_MERGE_REQUEST_ACTION_ID,
} from './gitlabMergeRequest';
export type { GitlabMergeRequestActionOptions } from './gitlabMergeRequest';
export {
  createGitlabBranchAction,
  GITLAB_BRANCH_ACTION_ID,
} from './gitlabBranch';
export type { GitlabBranchActionOptions } from './gitlabBranch';
export {
  createGitlabDeleteFilesAction,
  GITLAB_DELETE_FILES_ACTION_ID,
} from './gitlabDeleteFiles';
export type { GitlabDeleteFilesActionOptions } from './gitlabDeleteFiles';
export {
  createCheckOwnershipAction,
  CHECK_OWNERSHIP_ACTION_ID,
} from './checkOwnership';
export type { CheckOwnershipActionOptions } from './checkOwnership';
export { createReadClusterAction, READ_CLUSTER_ACTION_ID } from './readCluster';
export {
  createReadPendingChangeAction,
  READ_PENDING_CHANGE_ACTION_ID,
} from './readPendingChange';
export type { ReadPendingChangeActionOptions } from './readPendingChange';
export type { ReadClusterActionOptions } from './readCluster';
export {
  createChangeValuesAction,
  CHANGE_VALUES_ACTION_ID,
} from './changeValues';
export {
  createSummariseChangeAction,
  SUMMARISE_CHANGE_ACTION_ID,
} from './summariseChange';
export { createImportClusterAction, IMPORT_ACTION_ID } from './importCluster';
export { createAuditAction, AUDIT_ACTION_ID } from './audit';
export type { AuditActionOptions } from './audit';
