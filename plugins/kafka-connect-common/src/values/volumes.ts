import { z } from 'zod';
import { volumeProblems } from '../checks/volumes';
import {
  dnsLabel,
  dnsSubdomain,
  nonEmptyLine,
  quantity,
  singleLine,
} from './patterns';

/**
 * Extra pod volumes, each with its mount in the Connect container. Strimzi accepts only
 * some volume sources, and which ones depends on the release (checked in checks/).
 */

/** A relative path that stays where it is put: no leading "/", no ".." segment. */
const relativePath = () =>
  nonEmptyLine(253).refine(
    p => !p.startsWith('/') && !p.split('/').includes('..'),
    { message: 'must be a relative path without ".." segments' },
  );

const keyToPath = z.strictObject({
  key: nonEmptyLine(253),
  path: relativePath(),
  mode: z.number().int().min(0).max(511).optional(),
});

const mode = () => z.number().int().min(0).max(511);

export const volumeSources = {
  secret: z.strictObject({
    secretName: dnsSubdomain(),
    items: z.array(keyToPath).optional(),
    defaultMode: mode().optional(),
    optional: z.boolean().optional(),
  }),
  configMap: z.strictObject({
    name: dnsSubdomain(),
    items: z.array(keyToPath).optional(),
    defaultMode: mode().optional(),
    optional: z.boolean().optional(),
  }),
  emptyDir: z.strictObject({
    medium: z.enum(['', 'Memory']).optional(),
    sizeLimit: quantity().optional(),
  }),
  persistentVolumeClaim: z.strictObject({
    claimName: dnsSubdomain(),
    readOnly: z.boolean().optional(),
  }),
  csi: z.strictObject({
    driver: dnsSubdomain(),
    readOnly: z.boolean().optional(),
    fsType: singleLine(63).optional(),
    volumeAttributes: z.record(singleLine(253), singleLine(1024)).optional(),
    nodePublishSecretRef: z.strictObject({ name: dnsSubdomain() }).optional(),
  }),
  image: z.strictObject({
    reference: nonEmptyLine(512).regex(/^[^\s'"`$\\]+$/, {
      message: 'must be an image reference without spaces or quotes',
    }),
    pullPolicy: z.enum(['Always', 'Never', 'IfNotPresent']).optional(),
  }),
};

export type VolumeSourceName = keyof typeof volumeSources;
export const VOLUME_SOURCE_NAMES = Object.keys(
  volumeSources,
) as VolumeSourceName[];

/** Kubernetes volume sources that no Strimzi release up to 1.2.0 lets a pod template use. */
export const UNSUPPORTED_VOLUME_SOURCES = [
  'projected',
  'hostPath',
  'downwardAPI',
  'ephemeral',
  'nfs',
  'gitRepo',
  'iscsi',
  'rbd',
  'cephfs',
  'cinder',
  'fc',
  'flexVolume',
  'flocker',
  'glusterfs',
  'awsElasticBlockStore',
  'gcePersistentDisk',
  'azureDisk',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'scaleIO',
  'storageos',
];

const MOUNT_KEYS = ['name', 'mountPath', 'readOnly', 'subPath'];

export const volumeSchema = z
  .object({
    name: dnsLabel(),
    mountPath: nonEmptyLine(1024),
    readOnly: z.boolean().optional(),
    subPath: relativePath().optional(),
    secret: volumeSources.secret.optional(),
    configMap: volumeSources.configMap.optional(),
    emptyDir: volumeSources.emptyDir.optional(),
    persistentVolumeClaim: volumeSources.persistentVolumeClaim.optional(),
    csi: volumeSources.csi.optional(),
    image: volumeSources.image.optional(),
  })
  // Unknown keys are kept so the check below can tell a volume type Strimzi lacks from a typo.
  .catchall(z.unknown())
  .superRefine((volume, ctx) => {
    for (const key of Object.keys(volume)) {
      if (MOUNT_KEYS.includes(key) || key in volumeSources) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: UNSUPPORTED_VOLUME_SOURCES.includes(key)
          ? unsupportedSourceMessage(key)
          : `unknown field; a volume takes name, mountPath, readOnly, subPath and one source of: ${VOLUME_SOURCE_NAMES.join(
              ', ',
            )}`,
      });
    }
    for (const [field, message] of volumeProblems(volume)) {
      ctx.addIssue({ code: 'custom', path: [field], message });
    }
    const sources = VOLUME_SOURCE_NAMES.filter(s => volume[s] !== undefined);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          sources.length === 0
            ? `needs exactly one source: one of ${VOLUME_SOURCE_NAMES.join(
                ', ',
              )}`
            : `has ${sources.length} sources (${sources.join(
                ', ',
              )}); give exactly one, and use a second volume for the other`,
      });
    }
  });

function unsupportedSourceMessage(source: string): string {
  const base = `volume type "${source}" is not supported by Strimzi (no release up to 1.2.0 allows it in the pod template)`;
  if (source === 'projected') {
    return `${base}. For GCP Workload Identity Federation, put the credential configuration file in a Secret and mount it with a "secret" volume, or use serviceAccount.annotations (iam.gke.io/gcp-service-account) with GKE Workload Identity`;
  }
  return `${base}; use one of: ${VOLUME_SOURCE_NAMES.join(', ')}`;
}

export type Volume = z.infer<typeof volumeSchema>;
