import { fullValues } from '@connect-skeleton/integration-tests/src/fixtures/fullValues';
import { NEWEST_STRIMZI_VERSION } from '@connect-skeleton/plugin-kafka-connect-common';

/**
 * The cluster every figure is taken with: the widest one the newest Strimzi release allows
 * (plugins of every artifact type, a truststore, two connectors, metrics, a network policy,
 * config providers that need RBAC, volumes, scheduling), as the integration tests use it.
 * Its owner is the group the test backend's user belongs to, so a template task may use it.
 */
export function benchValues(name = 'orders-sink'): Record<string, unknown> {
  return {
    ...fullValues(NEWEST_STRIMZI_VERSION),
    name,
    owner: 'group:default/data-platform',
  };
}
