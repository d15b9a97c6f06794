import {
  Entity,
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { refuseInput } from './errors';

/** What the scaffolder tells an action about the user who started the task (`ctx.user`). */
export interface TaskUser {
  ref?: string;
  entity?: Entity;
}

/**
 * An owner as the values may write it (`orders`, `group:orders`, `group:default/orders`), in
 * full and in lower case: entity refs compare case-insensitively.
 */
export function ownerRef(owner: string, defaultNamespace = 'default'): string {
  return stringifyEntityRef(
    parseEntityRef(owner, { defaultKind: 'group', defaultNamespace }),
  ).toLocaleLowerCase('en-US');
}

function tryOwnerRef(ref: string, namespace: string): string | undefined {
  try {
    return ownerRef(ref, namespace);
  } catch {
    return undefined;
  }
}

/**
 * The refs a user may give clusters to: the user and the groups they are a direct member of,
 * as Backstage's own sign-in resolvers count ownership, and as the form's MyGroupsPicker
 * offers them. The catalog's memberOf relations are read, and spec.memberOf too, so that a
 * user entity the catalog has not finished processing still counts its groups.
 */
export function ownershipRefs(user: TaskUser): string[] {
  const refs = new Set<string>();
  if (user.ref) refs.add(ownerRef(user.ref));
  const entity = user.entity;
  if (entity) {
    const namespace = entity.metadata.namespace ?? 'default';
    for (const relation of entity.relations ?? []) {
      if (relation.type === RELATION_MEMBER_OF)
        refs.add(ownerRef(relation.targetRef));
    }
    const memberOf = (entity.spec as { memberOf?: unknown } | undefined)
      ?.memberOf;
    for (const group of Array.isArray(memberOf) ? memberOf : []) {
      // A malformed entry is the catalog's to report; it grants nothing here.
      const ref =
        typeof group === 'string' ? tryOwnerRef(group, namespace) : undefined;
      if (ref) refs.add(ref);
    }
  }
  return [...refs];
}

export const ANY_OWNER_KEY = 'kafkaConnect.ownership.anyOwnerFor';

/**
 * Reads `kafkaConnect.ownership.anyOwnerFor`: users and groups whose members may create
 * clusters for any owner (a platform team). Malformed refs stop the backend at start.
 */
export function readAnyOwnerFor(config: Config | undefined): string[] {
  const refs = config?.getOptionalStringArray(ANY_OWNER_KEY) ?? [];
  return refs.map(ref => {
    const full = tryOwnerRef(ref, 'default');
    if (!full)
      throw new Error(
        `${ANY_OWNER_KEY}: ${JSON.stringify(
          ref,
        )} is not an entity ref such as group:default/platform`,
      );
    return full;
  });
}

/** Why an owner was accepted: the user owns it, or an `anyOwnerFor` ref let them. */
export type OwnershipGrant =
  | { by: 'membership' }
  | { by: 'anyOwnerFor'; ref: string };

/**
 * Whether `user` may act for `owner` (a ref as {@link ownerRef} writes it), and why: the owner
 * is the user or one of their groups, or one of those is in `anyOwnerFor`. Undefined: may not.
 * The one rule for creating a cluster for an owner and for changing an owner's cluster.
 */
export function grantFor(
  owner: string,
  user: TaskUser & { ref: string },
  anyOwnerFor: readonly string[] = [],
): OwnershipGrant | undefined {
  const allowed = ownershipRefs(user);
  if (allowed.includes(owner)) return { by: 'membership' };
  const grant = allowed.find(ref => anyOwnerFor.includes(ref));
  return grant ? { by: 'anyOwnerFor', ref: grant } : undefined;
}

/** The user's groups, for a message that says which owners they could pick. */
function groupChoices(user: TaskUser & { ref: string }): string {
  const groups = ownershipRefs(user).filter(r => r !== ownerRef(user.ref));
  return groups.length
    ? `pick one of your groups (${groups.join(', ')})`
    : 'you belong to no group in the catalog; ask to be added to one';
}

/**
 * Refuses an owner outside the ownership of the user who started the task, so that a
 * hand-made API call cannot put another team's name on a cluster. Members of
 * `anyOwnerFor` (see {@link readAnyOwnerFor}) may give any owner. `doing` words what the
 * owner is for (default: creating a cluster owned by it).
 */
export function assertMayOwn(
  owner: string,
  user: TaskUser | undefined,
  anyOwnerFor: readonly string[] = [],
  doing: { what: string; ask: string } = {
    what: 'create a cluster owned by it',
    ask: 'create the cluster',
  },
): OwnershipGrant {
  const wanted = ownerRef(owner);
  if (!user?.ref) {
    throw refuseInput(
      `owner: ${wanted} cannot be checked because no signed-in user started this task; start the template from the portal while signed in`,
    );
  }
  const signedIn = { ...user, ref: user.ref };
  const grant = grantFor(wanted, signedIn, anyOwnerFor);
  if (grant) return grant;
  throw refuseInput(
    `owner: ${user.ref} is not a member of ${wanted}, so it cannot ${
      doing.what
    }; ${groupChoices(signedIn)}, or ask a member of ${wanted} to ${doing.ask}`,
  );
}
