import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { kafkaConnectPermissionDecision } from '@connect-skeleton/plugin-scaffolder-backend-module-kafka-connect';

/**
 * The demo portal's one permission policy: the Kafka Connect templates and actions only for
 * members of `kafkaConnect.permissions.templateGroups` (the module's decision), everything
 * else allowed, as the allow-all policy it replaces did.
 */
export class KafkaConnectDemoPolicy implements PermissionPolicy {
  constructor(
    private readonly templateGroups: readonly string[] | undefined,
    private readonly userInfo: UserInfoService,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const ownershipEntityRefs = user
      ? (await this.userInfo.getUserInfo(user.credentials)).ownershipEntityRefs
      : undefined;
    return (
      kafkaConnectPermissionDecision(request.permission, {
        templateGroups: this.templateGroups,
        ownershipEntityRefs,
      }) ?? { result: AuthorizeResult.ALLOW }
    );
  }
}
