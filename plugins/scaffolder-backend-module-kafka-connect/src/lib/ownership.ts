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

/** The user the guest sign-in provider signs in as unless `userEntityRef` says otherwise. */
export const GUEST_PROVIDER_DEFAULT_USER = 'user:development/guest';

/**
 * What to do when the user belongs to no group: undefined when they belong to one. A fresh
 * Backstage app meets this first (its guest is `user:development/guest`, a user the catalog
 * does not have), so the message names each way out.
 */
export function noGroupAdvice(
  user: TaskUser & { ref: string },
): string | undefined {
  const self = ownerRef(user.ref);
  if (ownershipRefs(user).some(ref => ref !== self)) return undefined;
  const where = user.entity
    ? `${user.ref} belongs to no group in the catalog`
    : `${user.ref} is not in the catalog, so it belongs to no group`;
  const fixes: string[] = [];
  if (self === GUEST_PROVIDER_DEFAULT_USER) {
    fixes.push(
      "for the guest sign-in, set auth.providers.guest.userEntityRef to a catalog user who is a member of a group (create-app's examples/org.yaml has user:default/guest in group:default/guests)",
    );
  }
  fixes.push(
    user.entity
      ? `add ${user.ref} to its team's Group in the catalog (spec.memberOf of the User, or spec.members of the Group)`
      : `add a User entity ${user.ref} to the catalog with its team's Group in spec.memberOf`,
    `list the user, or a group of theirs, in ${ANY_OWNER_KEY} (members may name any owner)`,
  );
  return `${where} (groups are read from the catalog's User and Group entities, not from the sign-in's ownershipEntityRefs); to fix it, ${fixes.join(
    '; or ',
  )}`;
}

/** The user's groups, for a message that says which owners they could pick. */
function groupChoices(user: TaskUser & { ref: string }): string {
  const advice = noGroupAdvice(user);
  if (advice) return advice;
  const groups = ownershipRefs(user).filter(r => r !== ownerRef(user.ref));
  return `pick one of your groups (${groups.join(', ')})`;
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
