import { problem, Problem } from '../problems';
import type { ParsedValues } from '../values/schema';

/** Volume names the Strimzi operator gives its own volumes in the Connect pod. */
const OPERATOR_VOLUME_NAMES = [
  'strimzi-tmp',
  'kafka-connect-configurations',
  'kafka-metrics-and-logging',
  'rack-volume',
];
const OPERATOR_VOLUME_PREFIXES = ['plugin-', 'kube-api-access'];

/** Strimzi mounts additional volumes only below /mnt. */
const MOUNT_ROOT = '/mnt/';

/**
 * The rules one volume must meet on its own, as (field, message) pairs. The schema runs
 * them, so they are reported together with every other problem of the values.
 */
export function volumeProblems(volume: {
  name: string;
  mountPath: string;
}): Array<[field: 'name' | 'mountPath', message: string]> {
  const problems: Array<[field: 'name' | 'mountPath', message: string]> = [];
  if (
    OPERATOR_VOLUME_NAMES.includes(volume.name) ||
    OPERATOR_VOLUME_PREFIXES.some(p => volume.name.startsWith(p))
  ) {
    problems.push([
      'name',
      `"${
        volume.name
      }" clashes with a volume the Strimzi operator adds itself (${OPERATOR_VOLUME_NAMES.join(
        ', ',
      )}, plugin-*, kube-api-access-*); choose another name`,
    ]);
  }
  const segments = volume.mountPath.split('/');
  if (
    !volume.mountPath.startsWith(MOUNT_ROOT) ||
    volume.mountPath.length <= MOUNT_ROOT.length
  ) {
    problems.push([
      'mountPath',
      `must be below /mnt/ (Strimzi mounts additional volumes only there), e.g. /mnt/${volume.name}`,
    ]);
  } else if (segments.includes('..') || segments.includes('.')) {
    problems.push([
      'mountPath',
      'must not contain "." or ".." segments; give the plain path below /mnt/',
    ]);
  }
  return problems;
}

/** Rules across volumes: names and mount paths are unique. */
export function checkVolumes(values: Pick<ParsedValues, 'volumes'>): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, number>();
  const mountPaths = new Map<string, number>();

  values.volumes.forEach((volume, index) => {
    const at = (field: string) => ['volumes', index, field];
    const firstName = names.get(volume.name);
    if (firstName !== undefined) {
      problems.push(
        problem(
          at('name'),
          `the name "${volume.name}" is already used by volumes[${firstName}]; volume names must be unique`,
        ),
      );
    } else names.set(volume.name, index);
    const firstPath = mountPaths.get(volume.mountPath);
    if (firstPath !== undefined) {
      problems.push(
        problem(
          at('mountPath'),
          `"${volume.mountPath}" is already the mount path of volumes[${firstPath}]; give each volume its own path`,
        ),
      );
    } else mountPaths.set(volume.mountPath, index);
  });
  return problems;
}
