/*
 * Turns catalog-info.yaml files read from the GitOps repository into the entities of a
 * full mutation. A malformed file is logged and left out as a whole, so one broken
 * cluster never hides the others nor half-registers itself.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  entityEnvelopeSchemaValidator,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  DeferredEntity,
  parseEntityYaml,
} from '@backstage/plugin-catalog-node';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CatalogFile } from './readClusterCatalogFiles';

// The same check the catalog applies to a mutation: one bad envelope would reject it all.
const validateEnvelope = entityEnvelopeSchemaValidator();

/**
 * Where an entity came from: a `url` location naming the file inside the bare
 * repository, e.g. `file:///work/.gitops/gitops.git/clusters/prod/a/catalog-info.yaml`.
 */
export function clusterFileLocation(
  repository: string,
  path: string,
): { type: string; target: string } {
  return { type: 'url', target: pathToFileURL(join(repository, path)).href };
}

function parseFile(
  file: CatalogFile,
  location: { type: string; target: string },
): Entity[] {
  const entities: Entity[] = [];
  for (const result of parseEntityYaml(file.content, location)) {
    if (result.type === 'error') {
      throw result.error;
    }
    if (result.type === 'entity') {
      entities.push(validateEnvelope(result.entity));
    }
  }
  return entities;
}

function withLocation(entity: Entity, locationRef: string): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: locationRef,
        [ANNOTATION_ORIGIN_LOCATION]: locationRef,
      },
    },
  };
}

export function clusterFilesToEntities(
  files: CatalogFile[],
  repository: string,
  logger: LoggerService,
): DeferredEntity[] {
  const deferred: DeferredEntity[] = [];
  const seen = new Map<string, string>();

  for (const file of files) {
    const location = clusterFileLocation(repository, file.path);
    const locationRef = stringifyLocationRef(location);
    let entities: Entity[];
    try {
      entities = parseFile(file, location);
    } catch (error) {
      logger.warn(`Skipping ${file.path} in ${repository}: ${error}`);
      continue;
    }

    for (const entity of entities) {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      const first = seen.get(ref);
      if (first) {
        // Two files claiming one entity: keep the first, as the catalog would.
        logger.warn(
          `Skipping ${ref} in ${file.path}: already defined in ${first}`,
        );
        continue;
      }
      seen.set(ref, file.path);
      deferred.push({
        entity: withLocation(entity, locationRef),
        locationKey: locationRef,
      });
    }
  }
  return deferred;
}
