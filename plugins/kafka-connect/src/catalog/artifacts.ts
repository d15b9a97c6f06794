import {
  CatalogArtifact,
  CatalogEntry,
  CatalogVersion,
  PLUGIN_CATALOG,
} from './pluginCatalog';

/** One `plugins[].artifacts[]` entry as the values take it (fields may still be missing while typing). */
export type Artifact =
  | {
      type: 'maven';
      group?: string;
      artifact?: string;
      version?: string;
      repository?: string;
    }
  | { type: 'jar' | 'tgz' | 'zip'; url?: string; sha512sum?: string }
  | { type: 'other'; url?: string; sha512sum?: string; fileName?: string };

export type ArtifactType = Artifact['type'];

export interface Plugin {
  name?: string;
  artifacts?: Artifact[];
}

export const ARTIFACT_TYPES: readonly ArtifactType[] = [
  'maven',
  'jar',
  'tgz',
  'zip',
  'other',
];

/** Only the keys that have a value: an empty input is no key at all. */
function compact<T extends Record<string, unknown>>(object: T): T {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result as T;
}

/**
 * The artifact as another type, with only the keys that type has: the Maven coordinates
 * go when it becomes a URL, the URL and checksum stay between the URL types (they mean the
 * same there), the file name stays only on `other`.
 */
export function withArtifactType(
  artifact: Artifact,
  type: ArtifactType,
): Artifact {
  if (type === 'maven') {
    return artifact.type === 'maven' ? artifact : { type: 'maven' };
  }
  const url = artifact.type === 'maven' ? undefined : artifact.url;
  const sha512sum = artifact.type === 'maven' ? undefined : artifact.sha512sum;
  if (type === 'other') {
    const fileName = artifact.type === 'other' ? artifact.fileName : undefined;
    return compact({ type, url, sha512sum, fileName });
  }
  return compact({ type, url, sha512sum });
}

/** One field of an artifact set (or removed when emptied). */
export function withArtifactField(
  artifact: Artifact,
  key: string,
  value: string,
): Artifact {
  return compact({
    ...artifact,
    [key]: value.trim() === '' ? undefined : value,
  }) as Artifact;
}

/** The values' artifact for a catalog artifact: a checksum only where the catalog has one. */
export function artifactFromCatalog(artifact: CatalogArtifact): Artifact {
  return compact({ ...artifact }) as Artifact;
}

/** The plugin a catalog entry adds, at one of its versions. */
export function pluginFromCatalog(
  entry: CatalogEntry,
  version: CatalogVersion,
): Plugin {
  return {
    name: entry.pluginName,
    artifacts: version.artifacts.map(artifactFromCatalog),
  };
}

function sameIgnoringChecksum(a: Artifact, b: Artifact): boolean {
  const strip = (x: Artifact) => {
    const { sha512sum: _ignored, ...rest } = x as Record<string, unknown>;
    return JSON.stringify(rest, Object.keys(rest).sort());
  };
  return strip(a) === strip(b);
}

/** Which catalog entry and version a plugin is, when its artifacts are exactly those. */
export function catalogOrigin(
  plugin: Plugin,
): { entry: CatalogEntry; version: CatalogVersion } | undefined {
  const artifacts = plugin.artifacts ?? [];
  for (const entry of PLUGIN_CATALOG) {
    for (const version of entry.versions) {
      if (
        version.artifacts.length > 0 &&
        version.artifacts.length === artifacts.length &&
        version.artifacts.every((a, i) =>
          sameIgnoringChecksum(artifactFromCatalog(a), artifacts[i]),
        )
      ) {
        return { entry, version };
      }
    }
  }
  return undefined;
}

/**
 * Another version of a catalog plugin: its artifacts, keeping a checksum already given for
 * an artifact whose URL did not change.
 */
export function switchCatalogVersion(
  plugin: Plugin,
  version: CatalogVersion,
): Plugin {
  const old = plugin.artifacts ?? [];
  return {
    ...plugin,
    artifacts: version.artifacts.map(a => {
      const next = artifactFromCatalog(a);
      if (next.type === 'maven' || next.sha512sum) return next;
      const same = old.find(o => o.type !== 'maven' && o.url === next.url);
      const sum = same && same.type !== 'maven' ? same.sha512sum : undefined;
      return sum ? { ...next, sha512sum: sum } : next;
    }),
  };
}
