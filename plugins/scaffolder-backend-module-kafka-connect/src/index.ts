/**
 * Scaffolder actions that render a Strimzi Kafka Connect cluster, push it to a GitOps repository,
 * check that the user may change the cluster already there, and make sure of its GitLab branch,
 * delete the files a change drops from it, and open or update its merge request.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKafkaConnect as default } from './module';
export { gitopsUrlReaderServiceFactory } from './lib/gitopsUrlReader';
export {
  kafkaConnectClusterValuesPlugin,
  CLUSTER_VALUES_PATH,
} from './clusterValues/plugin';
export type { ClusterValues } from './clusterValues/readClusterValues';
export type { PendingChange } from './clusterValues/pendingChange';
export {
  AUDIT_ACTION_ID,
  createAuditAction,
  CHANGE_VALUES_ACTION_ID,
  CHECK_OWNERSHIP_ACTION_ID,
  createChangeValuesAction,
  createCheckOwnershipAction,
  createImportClusterAction,
  createReadClusterAction,
  createReadPendingChangeAction,
  createSummariseChangeAction,
  IMPORT_ACTION_ID,
  READ_CLUSTER_ACTION_ID,
  READ_PENDING_CHANGE_ACTION_ID,
  SUMMARISE_CHANGE_ACTION_ID,
  createGitlabBranchAction,
  createGitlabDeleteFilesAction,
  createGitlabMergeRequestAction,
  createGitPushBranchAction,
  createKafkaConnectRenderAction,
  GITLAB_BRANCH_ACTION_ID,
  GITLAB_DELETE_FILES_ACTION_ID,
  GITLAB_MERGE_REQUEST_ACTION_ID,
  PUSH_BRANCH_ACTION_ID,
  RENDER_ACTION_ID,
} from './actions';
export { CLUSTER_CHANGE_EVENT } from './lib/audit';
export type {
  AuditActionOptions,
  CheckOwnershipActionOptions,
  GitlabBranchActionOptions,
  GitlabDeleteFilesActionOptions,
  GitlabMergeRequestActionOptions,
  GitPushBranchActionOptions,
  KafkaConnectRenderActionOptions,
  ReadClusterActionOptions,
  ReadPendingChangeActionOptions,
} from './actions';
export {
  isKafkaConnectAction,
  isKafkaConnectTemplate,
  KAFKA_CONNECT_ACTION_IDS,
  KAFKA_CONNECT_TEMPLATE_TYPE,
  kafkaConnectPermissionDecision,
  readTemplateGroups,
  TEMPLATE_GROUPS_KEY,
} from './permissions';
export type { KafkaConnectPermissionOptions } from './permissions';
