import { ImportContext } from './context';
import { isRecord } from './original';

/** Where Strimzi mounted `externalConfiguration` volumes (gone in the v1 API). */
export const EXTERNAL_CONFIGURATION_ROOT = '/opt/kafka/external-configuration';
/** Where the values mount every volume (docs/values.md). */
export const VOLUME_ROOT = '/mnt';

const OLD_ROOT = /\/opt\/kafka\/external-configuration(?![A-Za-z0-9_.-])/g;

/**
 * `${file:/opt/kafka/external-configuration/creds/db.properties:password}` →
 * `${file:/mnt/creds/db.properties:password}`: the volume moves, and so must every setting
 * that reads from it (file and directory providers, allowed.paths, plain paths).
 */
export function rewriteExternalPaths(
  value: unknown,
  counter: { rewritten: number },
): unknown {
  if (typeof value !== 'string' || !value.includes(EXTERNAL_CONFIGURATION_ROOT))
    return value;
  counter.rewritten++;
  return value.replace(OLD_ROOT, VOLUME_ROOT);
}

export interface MovedExternalConfiguration {
  volumes: Record<string, unknown>[];
  env: Record<string, unknown>[];
}

/**
 * `spec.externalConfiguration` → template volumes mounted at `/mnt/<name>` and env
 * variables, as the v1 API wants them. `firstVolume` / `firstEnv` are the indexes they
 * take in the values' lists (after the template's own).
 */
export function moveExternalConfiguration(
  ctx: ImportContext,
  firstVolume: number,
  firstEnv: number,
): MovedExternalConfiguration {
  const { connect } = ctx;
  const base = ['spec', 'externalConfiguration'];
  const moved: MovedExternalConfiguration = { volumes: [], env: [] };
  const volumes = connect.peek([...base, 'volumes']);
  if (Array.isArray(volumes)) {
    volumes.forEach((volume, i) => {
      const at = [...base, 'volumes', i];
      if (!isRecord(volume) || typeof volume.name !== 'string') return;
      const { name, ...source } = volume;
      connect.mark(at);
      const index = firstVolume + moved.volumes.length;
      moved.volumes.push({
        name,
        mountPath: `${VOLUME_ROOT}/${name}`,
        ...source,
      });
      ctx.trace(['volumes', index], connect, at);
      ctx.notes.push(
        `${connect.where(
          at,
        )}: moved to volumes[${index}], mounted at ${VOLUME_ROOT}/${name} (externalConfiguration is gone in the v1 API); references to ${EXTERNAL_CONFIGURATION_ROOT}/${name} are rewritten`,
      );
    });
  }
  const env = connect.peek([...base, 'env']);
  if (Array.isArray(env)) {
    env.forEach((variable, i) => {
      const at = [...base, 'env', i];
      if (!isRecord(variable)) return;
      connect.mark(at);
      const index = firstEnv + moved.env.length;
      moved.env.push({ ...variable });
      ctx.trace(['env', index], connect, at);
    });
    if (moved.env.length > 0) {
      ctx.notes.push(
        `${connect.where([
          ...base,
          'env',
        ])}: moved to env (externalConfiguration is gone in the v1 API)`,
      );
    }
  }
  return moved;
}
