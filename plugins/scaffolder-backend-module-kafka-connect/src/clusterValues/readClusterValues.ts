import { UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import {
  CLUSTER_ENTITY_TYPE,
  Layout,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parse } from 'yaml';
import { ClusterLocation, clusterLocation } from '../lib/clusterLocation';
import { assertMayChangeCluster } from '../lib/existingCluster';
import { TaskUser } from '../lib/ownership';
import { GitopsSettings } from '../lib/settings';
import { PendingChange, PendingChangeAnswer } from './pendingChange';

/**
 * What the change form needs of a cluster that exists: its connect-cluster.yaml as the GitOps
 * repository holds it, read as `kafka-connect:read-cluster` reads it (the location of the
 * catalog entity, Backstage's URL reader), for a user who may change it.
 */
export interface ClusterValues {
  entityRef: string;
  /** connect-cluster.yaml, parsed: a mapping with name and namespace at least. */
  values: Record<string, unknown>;
  /** The layout of the folder, told by the file only that layout writes (helm when neither). */
  layout: Layout;
  /** The file read, for the form to say where the values come from. */
  valuesUrl: string;
  /** The cluster's folder inside the repository. */
  repositoryPath: string;
  destination: 'local' | 'github' | 'gitlab';
  /** The owner the file names, in full. */
  owner: string;
  /**
   * A change of the cluster pending on its change branch (not merged): the change made now
   * replaces it. Absent when the branch holds nothing in the folder, or was not read.
   */
  pending?: PendingChange;
  /** Why the change branch was not read, when it was not. */
  pendingNotChecked?: string;
}

export interface ReadClusterValuesOptions {
  entity: Entity;
  reader: UrlReaderService;
  integrations: ScmIntegrationRegistry;
  settings: GitopsSettings;
  user: TaskUser;
  anyOwnerFor: readonly string[];
  /** Reads the cluster's change branch, once the user may change the cluster. */
  readPending?: (location: ClusterLocation) => Promise<PendingChangeAnswer>;
}

const LOCATION = 'backstage.io/managed-by-location';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function exists(reader: UrlReaderService, url: string): Promise<boolean> {
  try {
    await reader.readUrl(url);
    return true;
  } catch (error) {
    if ((error as Error).name === 'NotFoundError') return false;
    throw error;
  }
}

/**
 * Reads the values of the cluster `entity` stands for. Refuses an entity that is no Kafka
 * Connect cluster, a file that holds no cluster values, and a user who may not act for the
 * owner the file names (the rule of kafka-connect:check-ownership): the form then says so
 * before anyone types a change the task would refuse.
 */
export async function readClusterValues(
  options: ReadClusterValuesOptions,
): Promise<ClusterValues> {
  const { entity, reader } = options;
  const entityRef = stringifyEntityRef(entity);
  const type = (entity.spec as { type?: unknown } | undefined)?.type;
  if (entity.kind.toLowerCase() !== 'resource' || type !== CLUSTER_ENTITY_TYPE)
    throw new InputError(
      `${entityRef} is not a Kafka Connect cluster (a Resource of type ${CLUSTER_ENTITY_TYPE})`,
    );
  const annotation = entity.metadata.annotations?.[LOCATION];
  if (!annotation)
    throw new NotFoundError(
      `${entityRef} has no ${LOCATION} annotation, so where its connect-cluster.yaml is is not known`,
    );
  const location = clusterLocation(
    annotation,
    options.integrations,
    options.settings,
  );

  const text = (
    await (await reader.readUrl(location.valuesUrl)).buffer()
  ).toString('utf8');
  let values: unknown;
  try {
    values = parse(text);
  } catch (error) {
    throw new ConflictError(
      `${location.valuesUrl}: not YAML (${
        (error as Error).message.split('\n')[0]
      })`,
    );
  }
  if (
    !isMapping(values) ||
    typeof values.name !== 'string' ||
    typeof values.namespace !== 'string'
  )
    throw new ConflictError(
      `${location.valuesUrl}: holds no cluster values (a mapping with name and namespace)`,
    );

  const { owner } = assertMayChangeCluster({
    existingText: text,
    place: {
      folder: location.repositoryPath,
      ref: 'the default branch',
      repository: location.repoUrl ?? 'the GitOps repository',
    },
    incomingOwner: undefined,
    user: options.user,
    anyOwnerFor: options.anyOwnerFor,
  });

  const sibling = (file: string) =>
    location.valuesUrl.replace(/connect-cluster\.yaml$/, file);
  let layout: Layout = 'helm';
  if (!(await exists(reader, sibling('Chart.yaml'))))
    if (await exists(reader, sibling('kustomization.yaml')))
      layout = 'kustomize';
  const pending = await options.readPending?.(location);

  return {
    entityRef,
    values,
    layout,
    valuesUrl: location.valuesUrl,
    repositoryPath: location.repositoryPath,
    destination: location.destination,
    owner,
    ...pending,
  };
}
