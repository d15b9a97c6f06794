import {
  findRelease,
  RELEASE_FACTS,
  StrimziApi,
  StrimziRelease,
} from '../strimzi/releases';

const API_GROUP = 'kafka.strimzi.io';

/** The releases that serve both API versions: the only way from v1beta2 to v1. */
function bridgeReleases(): string[] {
  return RELEASE_FACTS.filter(r => r.apis.v1beta2 && r.apis.v1).map(
    r => r.version,
  );
}

const serves = (release: StrimziRelease, api: StrimziApi) =>
  release.servedApis.includes(api);

/**
 * What the Strimzi operator of the Kubernetes cluster needs before a change rendered for `to`
 * can be applied, in order, in words for the pull request. Empty when the operator has nothing
 * to do (same release, same API version).
 */
export function operatorUpgradeSteps(
  from: StrimziRelease,
  to: StrimziRelease,
): string[] {
  const steps: string[] = [];
  const bridges = bridgeReleases();
  const newestBridge = bridges[bridges.length - 1];
  const apiMoves = from.api === 'v1beta2' && to.api === 'v1';

  if (from.version === to.version) {
    if (apiMoves) {
      steps.push(
        `The objects move from ${API_GROUP}/v1beta2 to ${API_GROUP}/v1, both served by Strimzi ${
          to.version
        }: nothing to upgrade. Strimzi 1.0.0 and later serve v1 only, so move the other Strimzi resources of the Kubernetes cluster to v1 too (with the API conversion tool of Strimzi ${bridges.join(
          ', ',
        )}) before any later upgrade.`,
      );
    }
    return steps;
  }

  const v1Only = !serves(to, 'v1beta2');
  if (apiMoves && v1Only && !serves(from, 'v1')) {
    // 0.48.0 or older straight to 1.0.0 or later: no operator serves both ends.
    const bridge = findRelease(newestBridge)!;
    steps.push(
      `Strimzi ${to.version} serves only ${API_GROUP}/v1 and Strimzi ${
        from.version
      } only ${API_GROUP}/v1beta2, so the operator goes through a release that serves both (${bridges.join(
        ', ',
      )}): first upgrade the operator and its CRDs from ${from.version} to ${
        bridge.version
      }.`,
      `With Strimzi ${bridge.version} running, convert every Strimzi resource of the Kubernetes cluster to ${API_GROUP}/v1 and make v1 the CRDs' stored version, with the API conversion tool that Strimzi ${bridge.version} ships (Strimzi removed it from 1.1.0 on).`,
      `Then upgrade the operator and its CRDs from ${bridge.version} to ${to.version}, and merge this change: its objects are written in ${API_GROUP}/v1 for Strimzi ${to.version}.`,
    );
    return steps;
  }
  if (apiMoves && v1Only) {
    // The running operator already serves v1: convert with it, then upgrade.
    steps.push(
      `Strimzi ${to.version} serves only ${API_GROUP}/v1: before upgrading, while Strimzi ${from.version} (which serves both) runs, convert every Strimzi resource of the Kubernetes cluster to v1 and make v1 the CRDs' stored version, with the API conversion tool Strimzi ${from.version} ships (Strimzi removed it from 1.1.0 on).`,
      `Then upgrade the operator and its CRDs from ${from.version} to ${to.version}, and merge this change.`,
    );
    return steps;
  }
  steps.push(
    `Upgrade the Strimzi operator and its CRDs from ${from.version} to ${
      to.version
    } before this change is applied: its objects are written for Strimzi ${
      to.version
    }${apiMoves ? ` in ${API_GROUP}/v1` : ''}.`,
  );
  return steps;
}
