import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { userFacing } from './errors';
import {
  CLUSTER_FILE,
  ClusterIdentity,
  identityFromYaml,
  ownerFromYaml,
} from './guard';
import { joinRelative } from './paths';

/**
 * Every regular file below `dir`, relative with forward slashes, sorted. Symbolic links are
 * refused: one could carry a file from anywhere on the backend's machine into the repository.
 * `.git` folders are skipped: they are a repository's machinery, not content.
 */
export async function listSourceFiles(
  dir: string,
  shownAs: string,
): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await fs.readdir(path.join(dir, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(child);
      } else if (entry.isFile()) {
        found.push(child);
      } else {
        throw userFacing(
          new InputError(
            `${joinRelative(
              shownAs,
              child,
            )} is not a regular file (a symbolic link?): only plain files are pushed`,
          ),
        );
      }
    }
  }
  await walk('');
  return found.sort();
}

/** The cluster the rendered files are for: its name, namespace and owner (when it has one). */
export type SourceCluster = ClusterIdentity & { owner?: string };

/** The cluster the rendered files in `dir` are for, read from their connect-cluster.yaml. */
export async function readSourceIdentity(
  dir: string,
  shownAs: string,
): Promise<SourceCluster> {
  const file = path.join(dir, CLUSTER_FILE);
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  const where = joinRelative(shownAs, CLUSTER_FILE);
  if (text === undefined) {
    throw userFacing(
      new InputError(
        `sourcePath: ${where} was not found in the workspace: run kafka-connect:render first, with its targetPath equal to this step's sourcePath`,
      ),
    );
  }
  const identity = identityFromYaml(text);
  if (!identity) {
    throw userFacing(
      new InputError(`sourcePath: ${where} has no name and namespace`),
    );
  }
  const owner = ownerFromYaml(text);
  return owner === undefined ? identity : { ...identity, owner };
}

/** Copies the listed files from `fromDir` into `toDir` (which must not exist yet or be empty). */
export async function copyFiles(
  fromDir: string,
  toDir: string,
  files: readonly string[],
): Promise<void> {
  for (const file of files) {
    const target = path.join(toDir, ...file.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(path.join(fromDir, ...file.split('/')), target);
  }
}
