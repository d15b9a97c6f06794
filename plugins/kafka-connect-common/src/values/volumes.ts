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

const mode = () =>
  z
    .number()
    .int()
    .min(0)
    .max(511)
    .meta({ description: 'Octal 0644 is 420 in decimal.' });

const keyToPath = z.strictObject({
  key: nonEmptyLine(253).meta({ title: 'Key' }),
  path: relativePath().meta({ title: 'File path in the volume' }),
  mode: mode().meta({ title: 'File mode' }).optional(),
});

const keysAsFiles = () =>
  z
    .array(keyToPath)
    .meta({
      title: 'Only these keys',
      description: 'Default every key, each as a file of its name.',
    })
    .optional();

const optionalSource = (what: string) =>
  z
    .boolean()
    .meta({ title: `Start the pod without this ${what}` })
    .optional();

export const volumeSources = {
  secret: z
    .strictObject({
      secretName: dnsSubdomain().meta({ title: 'Secret name' }),
      items: keysAsFiles(),
      defaultMode: mode().meta({ title: 'File mode' }).optional(),
      optional: optionalSource('Secret'),
    })
    .meta({ title: 'Secret' }),
  configMap: z
    .strictObject({
      name: dnsSubdomain().meta({ title: 'ConfigMap name' }),
      items: keysAsFiles(),
      defaultMode: mode().meta({ title: 'File mode' }).optional(),
      optional: optionalSource('ConfigMap'),
    })
    .meta({ title: 'ConfigMap' }),
  emptyDir: z
    .strictObject({
      medium: z
        .enum(['', 'Memory'])
        .meta({ title: 'Medium', description: 'Memory for a tmpfs.' })
        .optional(),
      sizeLimit: quantity().meta({ title: 'Size limit' }).optional(),
    })
    .meta({ title: 'Empty directory' }),
  persistentVolumeClaim: z
    .strictObject({
      claimName: dnsSubdomain().meta({ title: 'Claim name' }),
      readOnly: z.boolean().meta({ title: 'Read-only' }).optional(),
    })
    .meta({ title: 'PersistentVolumeClaim' }),
  csi: z
    .strictObject({
      driver: dnsSubdomain().meta({
        title: 'Driver',
        examples: ['secrets-store.csi.k8s.io'],
      }),
      readOnly: z.boolean().meta({ title: 'Read-only' }).optional(),
      fsType: singleLine(63).meta({ title: 'File system type' }).optional(),
      volumeAttributes: z
        .record(singleLine(253), singleLine(1024))
        .meta({ title: 'Volume attributes' })
        .optional(),
      nodePublishSecretRef: z
        .strictObject({
          name: dnsSubdomain().meta({ title: 'Secret name' }),
        })
        .meta({ title: 'Node publish Secret' })
        .optional(),
    })
    .meta({ title: 'CSI driver' }),
  image: z
    .strictObject({
      reference: nonEmptyLine(512)
        .regex(/^[^\s'"`$\\]+$/, {
          message: 'must be an image reference without spaces or quotes',
        })
        .meta({ title: 'Image reference' }),
      pullPolicy: z
        .enum(['Always', 'Never', 'IfNotPresent'])
        .meta({ title: 'Pull policy' })
        .optional(),
    })
    .meta({ title: 'Image (Strimzi 0.47.0 on)' }),
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
    name: dnsLabel().meta({ title: 'Volume name' }),
    mountPath: nonEmptyLine(1024).meta({
      title: 'Mount path',
      description: 'Below /mnt/.',
      examples: ['/mnt/gcp-credentials'],
    }),
    readOnly: z.boolean().meta({ title: 'Mount read-only' }).optional(),
    subPath: relativePath()
      .meta({ title: 'Mount only this path of the volume' })
      .optional(),
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
