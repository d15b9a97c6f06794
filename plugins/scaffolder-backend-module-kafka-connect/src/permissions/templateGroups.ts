import { Config } from '@backstage/config';
import { ownerRef } from '../lib/ownership';

export const TEMPLATE_GROUPS_KEY = 'kafkaConnect.permissions.templateGroups';

/**
 * Reads `kafkaConnect.permissions.templateGroups`: the groups (or users) whose direct members
 * may run the Kafka Connect templates, in full and in lower case. Undefined when the key is
 * absent: no restriction. A malformed ref stops the backend at start, naming the key.
 *
 * @public
 */
export function readTemplateGroups(config: Config): string[] | undefined {
  const refs = config.getOptionalStringArray(TEMPLATE_GROUPS_KEY);
  return refs?.map(ref => {
    try {
      return ownerRef(ref);
    } catch {
      throw new Error(
        `${TEMPLATE_GROUPS_KEY}: ${JSON.stringify(
          ref,
        )} is not an entity ref such as group:default/data-platform`,
      );
    }
  });
}
