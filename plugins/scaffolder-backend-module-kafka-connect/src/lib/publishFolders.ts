import { relativeFolder } from './paths';

/**
 * The two folders of a step that publishes a rendered cluster, checked: its folder in the
 * workspace and its folder in the repository.
 */
export function publishFolders(input: {
  sourcePath?: string;
  targetPath: string;
}): { sourcePath: string; targetPath: string } {
  return {
    // The workspace itself by default: where kafka-connect:render writes without a targetPath.
    sourcePath: relativeFolder(input.sourcePath ?? '.', 'sourcePath', {
      allowRoot: true,
    }),
    // Not the top: replacing the repository's root would delete everything else in it.
    targetPath: relativeFolder(input.targetPath, 'targetPath', {
      allowRoot: false,
    }),
  };
}
