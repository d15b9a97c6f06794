/** Policy as code: a platform team's rules for clusters (docs/policy.md). */
export { checkPolicy } from './check';
export type { PolicyValues } from './check';
export { parsePolicy } from './parse';
export type { PolicyParseResult } from './parse';
export { POLICY_API_VERSION, POLICY_KIND, policySchema } from './schema';
export type { Policy, PolicyInput } from './schema';
export { compareMavenVersions } from './mavenVersion';
