import { problem, Problem } from '../problems';
import { compareQuantities, parseQuantity } from '../util/quantity';
import { AppliedEnvironment, ruleRef } from './environments';
import { ResourceName } from './schema';

/**
 * Minimum and maximum requests and limits of the Connect container, compared as numbers
 * ("500m" < "1", "1Gi" = "1024Mi"). As Kubernetes does, a container without a request gets
 * its limit as the request; no limit is no upper bound, so a maximum limit needs a limit.
 */

type Quantity = string | number;
type ResourceList = Partial<Record<ResourceName, Quantity>>;
export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList;
}

const NAMES: readonly ResourceName[] = ['cpu', 'memory', 'ephemeral-storage'];

function compare(a: Quantity, b: Quantity): number {
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  // The values' and the policy's schemas both refused what is no quantity.
  return left && right ? compareQuantities(left, right) : 0;
}

function requestProblems(
  name: ResourceName,
  resources: Resources | undefined,
  environment: AppliedEnvironment,
): Problem[] {
  const bounds = environment.rules.resources?.requests?.[name];
  if (!bounds) return [];
  const at = ['resources', 'requests', name];
  const given = resources?.requests?.[name];
  const limit = resources?.limits?.[name];
  const effective = given ?? limit;
  const shown =
    given !== undefined
      ? String(given)
      : `not given, so Kubernetes requests the limit ${String(limit)}, which`;
  const rule = (side: 'min' | 'max') =>
    ruleRef(environment, 'resources', 'requests', name, side);
  if (bounds.min !== undefined) {
    if (effective === undefined) {
      return [
        problem(
          at,
          `is not given; the policy requires a ${name} request of at least ${String(
            bounds.min,
          )} ${environment.phrase} ${rule('min')}`,
        ),
      ];
    }
    if (compare(effective, bounds.min) < 0) {
      return [
        problem(
          at,
          `${shown} is below the policy's minimum of ${String(bounds.min)} ${
            environment.phrase
          } ${rule('min')}`,
        ),
      ];
    }
  }
  if (
    bounds.max !== undefined &&
    effective !== undefined &&
    compare(effective, bounds.max) > 0
  ) {
    return [
      problem(
        at,
        `${shown} is above the policy's maximum of ${String(bounds.max)} ${
          environment.phrase
        } ${rule('max')}`,
      ),
    ];
  }
  return [];
}

function limitProblems(
  name: ResourceName,
  resources: Resources | undefined,
  environment: AppliedEnvironment,
): Problem[] {
  const bounds = environment.rules.resources?.limits?.[name];
  if (!bounds) return [];
  const at = ['resources', 'limits', name];
  const given = resources?.limits?.[name];
  const rule = (side: 'min' | 'max') =>
    ruleRef(environment, 'resources', 'limits', name, side);
  if (
    bounds.min !== undefined &&
    given !== undefined &&
    compare(given, bounds.min) < 0
  ) {
    return [
      problem(
        at,
        `${String(given)} is below the policy's minimum of ${String(
          bounds.min,
        )} ${environment.phrase} ${rule('min')}`,
      ),
    ];
  }
  if (bounds.max !== undefined) {
    if (given === undefined) {
      return [
        problem(
          at,
          `is not given, and no limit is no upper bound: the policy allows a ${name} limit of at most ${String(
            bounds.max,
          )} ${environment.phrase} ${rule('max')}`,
        ),
      ];
    }
    if (compare(given, bounds.max) > 0) {
      return [
        problem(
          at,
          `${String(given)} is above the policy's maximum of ${String(
            bounds.max,
          )} ${environment.phrase} ${rule('max')}`,
        ),
      ];
    }
  }
  return [];
}

export function checkResources(
  resources: Resources | undefined,
  environment: AppliedEnvironment,
): Problem[] {
  return [
    ...NAMES.flatMap(name => requestProblems(name, resources, environment)),
    ...NAMES.flatMap(name => limitProblems(name, resources, environment)),
  ];
}
