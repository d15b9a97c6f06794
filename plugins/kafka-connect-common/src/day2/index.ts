/**
 * Day 2: changing, upgrading and comparing clusters that already exist. Pure, like the rest
 * of the package: the CLI and the scaffolder actions do the reading and the writing.
 */
export { changeCluster } from './change';
export type { ChangeRequest, ChangedCluster, ChangeResult } from './change';
export { upgradeValues } from './upgrade';
export type { Upgrade, UpgradeResult } from './upgrade';
export { operatorUpgradeSteps } from './operatorSteps';
export {
  clusterIdentity,
  identityProblems,
  pinnedConnectFields,
} from './identity';
export type { ClusterIdentity } from './identity';
export { mergeChanges } from './mergeChanges';
export { valueChanges, describeValueChange } from './valueChanges';
export type { ValueChange } from './valueChanges';
export { fileChanges, hasChanges, unifiedDiff } from './fileChanges';
export type { FileChanges, FileSet } from './fileChanges';
export { layoutOf } from './layoutOf';
export { rerenderFromText } from './rerender';
export { changeSummary } from './changeSummary';
export { CHANGE_BRANCH_PREFIX, changeBranch } from './changeBranch';
export type { ChangeSummaryInput } from './changeSummary';
