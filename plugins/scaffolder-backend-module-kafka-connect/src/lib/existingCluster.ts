import { ConflictError, NotAllowedError } from '@backstage/errors';
import yaml from 'yaml';
import { refuseInput, userFacing } from './errors';
import { ClusterIdentity, formatIdentity } from './guard';
import {
  assertMayOwn,
  grantFor,
  noGroupAdvice,
  ownerRef,
  TaskUser,
} from './ownership';

/**
 * Who may change a cluster that is already in the GitOps repository: the rule of
 * {@link assertMayOwn}, applied to the owner written in the cluster's `connect-cluster.yaml`
 * on the repository's branch, before anything replaces it.
 */

/** Where the existing file was read, for messages: the folder, the branch and the repository. */
export interface ExistingClusterPlace {
  folder: string;
  /** `branch main`. */
  ref: string;
  /** The repository as the user knows it: `github.com/acme/gitops`, a path, a masked URL. */
  repository: string;
}

/** What the existing `connect-cluster.yaml` says about whose cluster it is. */
export interface ExistingCluster {
  /** In full and lower case, as {@link ownerRef} writes it. */
  owner: string;
  identity?: ClusterIdentity;
}

function describePlace(place: ExistingClusterPlace): string {
  return `${place.folder} on ${place.ref} of ${place.repository}`;
}

/**
 * Reads the owner of a `connect-cluster.yaml` already in the repository. A file whose owner
 * cannot be read fails closed: nobody can be shown to own the cluster, so nobody may replace it
 * through a template.
 */
export function readExistingCluster(
  text: string,
  place: ExistingClusterPlace,
): ExistingCluster {
  const refuse = (why: string) =>
    userFacing(
      new ConflictError(
        `${place.folder}/connect-cluster.yaml on ${place.ref} of ${place.repository} ${why}, so who owns the cluster there cannot be checked and it is not replaced: fix that file on ${place.ref} (owner must be a group or user such as group:default/orders), or ask a platform engineer to look at it`,
      ),
    );
  let doc: unknown;
  try {
    doc = yaml.parse(text);
  } catch (error) {
    throw refuse(
      `is not valid YAML (${(error as Error).message.split('\n')[0]})`,
    );
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw refuse('is not a mapping of cluster values');
  const { name, namespace, owner } = doc as Record<string, unknown>;
  if (typeof owner !== 'string' || owner.trim() === '')
    throw refuse('names no owner');
  let full: string;
  try {
    full = ownerRef(owner);
  } catch {
    throw refuse(
      `has an owner that is no entity ref (${JSON.stringify(owner)})`,
    );
  }
  return {
    owner: full,
    identity:
      typeof name === 'string' && typeof namespace === 'string'
        ? { name, namespace }
        : undefined,
  };
}

/** What the check found: the current owner, and log lines for grants made by anyOwnerFor. */
export interface ChangeAllowed {
  owner: string;
  notes: string[];
}

/**
 * Refuses to replace the cluster in `existingText` unless the user may act for its current
 * owner; moving it to `incomingOwner` needs the right to act for that owner too. The message
 * names the cluster, its owner, and who can make the change.
 */
export function assertMayChangeCluster(options: {
  existingText: string;
  place: ExistingClusterPlace;
  /** The owner the new files name; undefined: they name none, which moves nothing. */
  incomingOwner: string | undefined;
  user: TaskUser | undefined;
  anyOwnerFor: readonly string[];
}): ChangeAllowed {
  const { place, user, anyOwnerFor } = options;
  const existing = readExistingCluster(options.existingText, place);
  const owner = existing.owner;
  const cluster = existing.identity
    ? `The Kafka Connect cluster ${formatIdentity(
        existing.identity,
      )} in ${describePlace(place)}`
    : `The Kafka Connect cluster in ${describePlace(place)}`;
  if (!user?.ref) {
    throw userFacing(
      new NotAllowedError(
        `${cluster} is owned by ${owner}, which cannot be checked because no signed-in user started this task; start the template from the portal while signed in`,
      ),
    );
  }
  const signedIn = { ...user, ref: user.ref };
  const current = grantFor(owner, signedIn, anyOwnerFor);
  if (!current) {
    const advice = noGroupAdvice(signedIn);
    throw userFacing(
      new NotAllowedError(
        `${cluster} is owned by ${owner}, and ${
          user.ref
        } is not a member of ${owner}, so it cannot change that cluster: ask a member of ${owner} to make the change, or a platform engineer${
          advice ? `. ${advice}` : ''
        }`,
      ),
    );
  }
  const notes: string[] = [];
  if (current.by === 'anyOwnerFor')
    notes.push(
      `${user.ref} may change the cluster of ${owner} in ${describePlace(
        place,
      )}: ${current.ref} is in kafkaConnect.ownership.anyOwnerFor`,
    );
  const incoming =
    options.incomingOwner === undefined
      ? owner
      : incomingRef(options.incomingOwner);
  if (incoming !== owner) {
    // A move: the user must be able to act for the new owner too.
    const grant = assertMayOwn(incoming, user, anyOwnerFor, {
      what: `move the cluster of ${owner} to it`,
      ask: 'take the cluster over',
    });
    if (grant.by === 'anyOwnerFor')
      notes.push(
        `${user.ref} may give the cluster to ${incoming}: ${grant.ref} is in kafkaConnect.ownership.anyOwnerFor`,
      );
  }
  return { owner, notes };
}

function incomingRef(owner: string): string {
  try {
    return ownerRef(owner);
  } catch {
    throw refuseInput(
      `owner: ${JSON.stringify(
        owner,
      )} is not an entity ref such as group:default/orders`,
    );
  }
}
