import { defaultConnectNames } from '../names';
import { problem, Problem } from '../problems';

/**
 * What makes a Kafka Connect cluster the same cluster over its life: the worker group and its
 * three storage topics (a new group.id or offsets topic starts every connector from scratch),
 * and the name and namespace its objects and its GitOps folder are known by.
 */
export interface ClusterIdentity {
  name: string;
  namespace: string;
  groupId: string;
  offsetStorageTopic: string;
  configStorageTopic: string;
  statusStorageTopic: string;
}

const CONNECT_FIELDS = [
  'groupId',
  'offsetStorageTopic',
  'configStorageTopic',
  'statusStorageTopic',
] as const;

function field(object: unknown, key: string): unknown {
  return typeof object === 'object' && object !== null && !Array.isArray(object)
    ? (object as Record<string, unknown>)[key]
    : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The identity values give, read defensively (the values need not be valid): the written
 * connect fields, or the defaults the renderer derives from the namespace and the name.
 */
export function clusterIdentity(values: unknown): ClusterIdentity {
  const name = text(field(values, 'name'));
  const namespace = text(field(values, 'namespace'));
  const derived = defaultConnectNames(namespace, name);
  const connect = field(values, 'connect');
  const pick = (key: (typeof CONNECT_FIELDS)[number]) => {
    const given = field(connect, key);
    return typeof given === 'string' ? given : derived[key];
  };
  return {
    name,
    namespace,
    groupId: pick('groupId'),
    offsetStorageTopic: pick('offsetStorageTopic'),
    configStorageTopic: pick('configStorageTopic'),
    statusStorageTopic: pick('statusStorageTopic'),
  };
}

/** The connect fields of an identity, to write them out so no later rename can move them. */
export function pinnedConnectFields(
  identity: ClusterIdentity,
): Pick<ClusterIdentity, (typeof CONNECT_FIELDS)[number]> {
  return {
    groupId: identity.groupId,
    offsetStorageTopic: identity.offsetStorageTopic,
    configStorageTopic: identity.configStorageTopic,
    statusStorageTopic: identity.statusStorageTopic,
  };
}

const WHY: Record<keyof ClusterIdentity, string> = {
  name: 'the folder and every object belong to this name; a renamed cluster is a new cluster (create it, then remove this one)',
  namespace:
    'the folder and every object belong to this namespace; a cluster in another namespace is a new cluster (create it, then remove this one)',
  groupId:
    'the workers would form a new Connect group and lose the running connectors',
  offsetStorageTopic:
    'the connectors would lose their source offsets and start over',
  configStorageTopic:
    'the cluster would lose the connector configurations it stores there',
  statusStorageTopic:
    'the cluster would lose the connector and task states it stores there',
};

const PATHS: Record<keyof ClusterIdentity, (string | number)[]> = {
  name: ['name'],
  namespace: ['namespace'],
  groupId: ['connect', 'groupId'],
  offsetStorageTopic: ['connect', 'offsetStorageTopic'],
  configStorageTopic: ['connect', 'configStorageTopic'],
  statusStorageTopic: ['connect', 'statusStorageTopic'],
};

/**
 * One problem per identity field that differs. `allowConnectChange` lets the group and the
 * topics change on purpose (a person asked for it); name and namespace never change in place.
 */
export function identityProblems(
  before: ClusterIdentity,
  after: ClusterIdentity,
  options: { allowConnectChange?: boolean } = {},
): Problem[] {
  return (Object.keys(WHY) as (keyof ClusterIdentity)[])
    .filter(key => before[key] !== after[key])
    .filter(
      key =>
        !options.allowConnectChange ||
        !(CONNECT_FIELDS as readonly string[]).includes(key),
    )
    .map(key => {
      const fix = (CONNECT_FIELDS as readonly string[]).includes(key)
        ? `keep "${before[key]}", or say that the identity is meant to change`
        : `keep "${before[key]}"`;
      return problem(
        PATHS[key],
        `would change from "${before[key]}" to "${after[key]}": ${WHY[key]}; ${fix}`,
      );
    });
}
