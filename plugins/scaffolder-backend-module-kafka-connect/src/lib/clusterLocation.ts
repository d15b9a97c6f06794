import { ScmIntegrationRegistry } from '@backstage/integration';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { refuseInput } from './errors';
import { GitopsSettings } from './settings';

/** Where a cluster's folder lives, in the terms the publish steps take. */
export interface ClusterLocation {
  /** The cluster's connect-cluster.yaml, as the URL reader reads it. */
  valuesUrl: string;
  /** Its folder, as the URL reader's readTree reads it. */
  folderUrl: string;
  /** The folder inside the repository, e.g. `clusters/prod/orders` (the publish steps' targetPath). */
  repositoryPath: string;
  destination: 'local' | 'github' | 'gitlab';
  /** For github and gitlab: the repository as RepoUrlPicker writes it (`github.com?owner=acme&repo=gitops`). */
  repoUrl?: string;
}

/** `url:https://…` (a catalog location ref) or a plain URL. */
function plainUrl(location: string): URL {
  const text = location.replace(/^url:/, '');
  try {
    return new URL(text);
  } catch {
    throw refuseInput(
      `location: ${JSON.stringify(
        location,
      )} is not a URL; pass the cluster entity's backstage.io/managed-by-location annotation (url:https://…/catalog-info.yaml)`,
    );
  }
}

/** The folder a location names: the folder of a file (catalog-info.yaml, connect-cluster.yaml), or itself. */
function folderOf(pathname: string): string {
  return /\.ya?ml$/.test(pathname)
    ? pathname.slice(0, pathname.lastIndexOf('/'))
    : pathname.replace(/\/$/, '');
}

/**
 * Reads where a cluster lives from the location of its catalog entity (its catalog-info.yaml,
 * as the catalog annotates it) or of its folder: the demo's local repository (a `file://`
 * URL inside `kafkaConnect.gitops.repository`), a GitHub `…/blob/<branch>/<path>` URL or a
 * GitLab `…/-/blob/<branch>/<path>` URL. Branch names with a slash are not told apart from
 * the path: the default branch of a GitOps repository is `main` or `master`.
 */
export function clusterLocation(
  location: string,
  integrations: ScmIntegrationRegistry,
  settings: GitopsSettings,
): ClusterLocation {
  const url = plainUrl(location);
  const folder = folderOf(url.pathname);
  const withFolder = (pathname: string) => {
    const copy = new URL(url.href);
    copy.pathname = pathname;
    copy.search = '';
    copy.hash = '';
    return copy.href;
  };

  if (url.protocol === 'file:') {
    const root = settings.isLocal ? settings.remote : undefined;
    const dir = fileURLToPath(withFolder(folder));
    const relative = root ? path.relative(root, dir) : '..';
    if (
      !root ||
      relative === '' ||
      relative.startsWith('..') ||
      path.isAbsolute(relative)
    ) {
      throw refuseInput(
        `location: ${url.href} is not inside the GitOps repository of kafkaConnect.gitops.repository`,
      );
    }
    return {
      valuesUrl: withFolder(`${folder}/connect-cluster.yaml`),
      folderUrl: withFolder(`${folder}/`),
      repositoryPath: relative.split(path.sep).join('/'),
      destination: 'local',
    };
  }

  const integration = integrations.byUrl(url.href);
  const type = integration?.type;
  const parts = folder.split('/').filter(Boolean).map(decodeURIComponent);
  const blob = parts.indexOf('blob');
  const gitlab = type === 'gitlab' && parts[blob - 1] === '-';
  const ownerParts = parts.slice(0, gitlab ? blob - 2 : blob - 1);
  const repo = parts[gitlab ? blob - 2 : blob - 1];
  const repositoryPath = parts.slice(blob + 2).join('/');
  if (
    (type !== 'github' && type !== 'gitlab') ||
    blob < 2 ||
    !repo ||
    ownerParts.length === 0 ||
    !repositoryPath
  ) {
    throw refuseInput(
      `location: ${url.href} is neither a file of the local GitOps repository nor a GitHub or GitLab file URL (https://host/owner/repo/blob/branch/path) of a host in integrations`,
    );
  }
  return {
    valuesUrl: withFolder(`${folder}/connect-cluster.yaml`),
    folderUrl: withFolder(folder.replace('/blob/', '/tree/')),
    repositoryPath,
    destination: type,
    repoUrl: `${url.host}?owner=${encodeURIComponent(
      ownerParts.join('/'),
    )}&repo=${encodeURIComponent(repo)}`,
  };
}
