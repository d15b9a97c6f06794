import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  actionExecutePermission,
  RESOURCE_TYPE_SCAFFOLDER_ACTION,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  AUDIT_ACTION_ID,
  CHANGE_VALUES_ACTION_ID,
  CHECK_OWNERSHIP_ACTION_ID,
  GITLAB_BRANCH_ACTION_ID,
  GITLAB_DELETE_FILES_ACTION_ID,
  GITLAB_MERGE_REQUEST_ACTION_ID,
  IMPORT_ACTION_ID,
  PUSH_BRANCH_ACTION_ID,
  READ_CLUSTER_ACTION_ID,
  READ_PENDING_CHANGE_ACTION_ID,
  RENDER_ACTION_ID,
  SUMMARISE_CHANGE_ACTION_ID,
} from '../actions';
import { ownerRef } from '../lib/ownership';

/**
 * Permission conditions and a policy helper that keep the Kafka Connect templates and actions
 * to the groups named in `kafkaConnect.permissions.templateGroups`. Backstage runs one policy:
 * the platform's own policy calls {@link kafkaConnectPermissionDecision} first and decides
 * everything else itself (the demo backend's policy does exactly that, allowing the rest).
 */

/** The `spec.type` of the module's templates (new cluster, change, adopt). */
export const KAFKA_CONNECT_TEMPLATE_TYPE = 'kafka-connect-cluster';

/** Every action this module adds to the scaffolder. */
export const KAFKA_CONNECT_ACTION_IDS: readonly string[] = [
  RENDER_ACTION_ID,
  CHECK_OWNERSHIP_ACTION_ID,
  PUSH_BRANCH_ACTION_ID,
  GITLAB_BRANCH_ACTION_ID,
  GITLAB_MERGE_REQUEST_ACTION_ID,
  GITLAB_DELETE_FILES_ACTION_ID,
  READ_CLUSTER_ACTION_ID,
  READ_PENDING_CHANGE_ACTION_ID,
  CHANGE_VALUES_ACTION_ID,
  SUMMARISE_CHANGE_ACTION_ID,
  IMPORT_ACTION_ID,
  AUDIT_ACTION_ID,
];

/**
 * Catalog condition: a Template entity whose `spec.type` is `kafka-connect-cluster`. Built
 * from the catalog's own rules (IS_ENTITY_KIND, HAS_SPEC), so it filters in the database.
 *
 * @public
 */
export function isKafkaConnectTemplate(): PermissionCriteria<
  PermissionCondition<'catalog-entity'>
> {
  return {
    allOf: [
      {
        rule: 'IS_ENTITY_KIND',
        resourceType: 'catalog-entity',
        params: { kinds: ['Template'] },
      },
      {
        rule: 'HAS_SPEC',
        resourceType: 'catalog-entity',
        params: { key: 'type', value: KAFKA_CONNECT_TEMPLATE_TYPE },
      },
    ],
  };
}

/**
 * Scaffolder action condition: one of this module's actions (the scaffolder's HAS_ACTION_ID
 * rule), so that a copy of the templates registered elsewhere cannot use them either.
 *
 * @public
 */
export function isKafkaConnectAction(): PermissionCriteria<
  PermissionCondition<typeof RESOURCE_TYPE_SCAFFOLDER_ACTION>
> {
  const [first, ...rest] = KAFKA_CONNECT_ACTION_IDS.map(
    (
      actionId,
    ): PermissionCondition<typeof RESOURCE_TYPE_SCAFFOLDER_ACTION> => ({
      rule: 'HAS_ACTION_ID',
      resourceType: RESOURCE_TYPE_SCAFFOLDER_ACTION,
      params: { actionId },
    }),
  );
  return { anyOf: [first, ...rest] };
}

/**
 * Options of {@link kafkaConnectPermissionDecision}.
 *
 * @public
 */
export interface KafkaConnectPermissionOptions {
  /** From `kafkaConnect.permissions.templateGroups` (see `readTemplateGroups`); undefined: no restriction. */
  templateGroups: readonly string[] | undefined;
  /**
   * The user's ownership refs (the user and their groups, from the user info service);
   * undefined when no user is asking.
   */
  ownershipEntityRefs: readonly string[] | undefined;
}

/**
 * The decision for `permission` when it concerns the Kafka Connect templates, or undefined when
 * it is the calling policy's to decide. A member of `templateGroups` gets undefined for
 * everything; anyone else cannot read the Kafka Connect templates in the catalog (so the
 * scaffolder refuses to create a task from them, and the portal does not list them) and cannot
 * execute this module's actions.
 *
 * @public
 */
export function kafkaConnectPermissionDecision(
  permission: Permission,
  options: KafkaConnectPermissionOptions,
): PolicyDecision | undefined {
  const { templateGroups } = options;
  if (!templateGroups) return undefined;
  const refs = (options.ownershipEntityRefs ?? []).map(ref => ownerRef(ref));
  if (refs.some(ref => templateGroups.includes(ref))) return undefined;

  if (isPermission(permission, catalogEntityReadPermission)) {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: permission.resourceType,
      conditions: { not: isKafkaConnectTemplate() },
    };
  }
  if (isPermission(permission, actionExecutePermission)) {
    return {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'scaffolder',
      resourceType: permission.resourceType,
      conditions: { not: isKafkaConnectAction() },
    };
  }
  return undefined;
}
