import { Problem } from '../problems';
import { ParsedValues } from '../values/schema';
import { checkArtifacts } from './artifacts';
import { checkReplicas, environmentRules } from './environments';
import { checkLabels } from './labels';
import { checkNamespace } from './namespaces';
import { checkResources } from './resources';
import { Policy } from './schema';

/** The fields of the values a policy judges; checked values (parseValues) have them all. */
export type PolicyValues = Pick<
  ParsedValues,
  | 'namespace'
  | 'owner'
  | 'environment'
  | 'replicas'
  | 'resources'
  | 'labels'
  | 'plugins'
>;

/**
 * Every way the values break the policy, one problem each, in the values' own
 * `field.path: message` shape; each message names the value and the policy's rule.
 * Pure: run it after the values checks, before anything is written or pushed.
 */
export function checkPolicy(values: PolicyValues, policy: Policy): Problem[] {
  const environment = environmentRules(values.environment, policy);
  const applied =
    environment.kind === 'applies' ? environment.environment : undefined;
  return [
    ...checkNamespace(values.namespace, values.owner, policy),
    ...(environment.kind === 'refused' ? [environment.problem] : []),
    ...(applied ? checkReplicas(values.replicas, applied) : []),
    ...(applied ? checkResources(values.resources, applied) : []),
    ...checkLabels(values.labels, policy, applied),
    ...(policy.plugins
      ? checkArtifacts(values.plugins, policy.plugins.allowed)
      : []),
  ];
}
