import { z } from 'zod';
import { nonEmptyLine, singleLine } from './patterns';

/**
 * Kubernetes' PodSecurityContext and SecurityContext, as the Strimzi CRDs take them for the
 * Connect pods and container. windowsOptions is left out: Strimzi's images run on Linux only.
 */

/** User and group ids: Kubernetes accepts 0 to 2^31-1. */
const id = () => z.number().int().min(0).max(2147483647);
const runAsUser = () => id().meta({ title: 'Run as user (UID)' });
const runAsGroup = () => id().meta({ title: 'Run as group (GID)' });
const runAsNonRoot = () => z.boolean().meta({ title: 'Refuse to run as root' });

/** seccomp and AppArmor profiles: a localhost profile names its file, the others must not. */
const profile = (what: string) =>
  z
    .strictObject({
      type: z
        .enum(['RuntimeDefault', 'Unconfined', 'Localhost'])
        .meta({ title: 'Type' }),
      localhostProfile: nonEmptyLine(4096)
        .meta({
          title: 'Profile file on the node',
          description: 'Only with type Localhost, and then required.',
        })
        .optional(),
    })
    .superRefine((p, ctx) => {
      if ((p.type === 'Localhost') !== (p.localhostProfile !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localhostProfile'],
          message: `give localhostProfile (the ${what} profile's file on the node) exactly when type is Localhost`,
        });
      }
    })
    .meta({ title: `${what} profile` });

const seLinuxOptions = z
  .strictObject({
    user: singleLine(253).meta({ title: 'User' }).optional(),
    role: singleLine(253).meta({ title: 'Role' }).optional(),
    type: singleLine(253).meta({ title: 'Type' }).optional(),
    level: singleLine(253).meta({ title: 'Level' }).optional(),
  })
  .meta({ title: 'SELinux options' });

const SYSCTL =
  /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const sysctl = z.strictObject({
  name: z
    .string()
    .max(253)
    .regex(SYSCTL, {
      message: 'must be a sysctl name such as net.ipv4.tcp_keepalive_time',
    })
    .meta({ title: 'Name', examples: ['net.ipv4.tcp_keepalive_time'] }),
  value: singleLine(1024).meta({ title: 'Value' }),
});

const CAPABILITY = /^[A-Za-z_]{1,64}$/;
const capability = () =>
  z.string().regex(CAPABILITY, {
    message: 'must be a Linux capability name such as ALL or NET_BIND_SERVICE',
  });

export const podSecurityContextSchema = z
  .strictObject({
    runAsUser: runAsUser().optional(),
    runAsGroup: runAsGroup().optional(),
    runAsNonRoot: runAsNonRoot().optional(),
    fsGroup: id().meta({ title: 'Volume group (fsGroup)' }).optional(),
    fsGroupChangePolicy: z
      .enum(['OnRootMismatch', 'Always'])
      .meta({ title: 'When to change volume ownership' })
      .optional(),
    supplementalGroups: z
      .array(id())
      .meta({ title: 'Supplemental groups' })
      .optional(),
    /** Strimzi 0.46.0 on. */
    supplementalGroupsPolicy: z
      .enum(['Merge', 'Strict'])
      .meta({
        title: 'Supplemental groups policy',
        description: 'Strimzi 0.46.0 or later.',
      })
      .optional(),
    seccompProfile: profile('seccomp').optional(),
    appArmorProfile: profile('AppArmor').optional(),
    seLinuxOptions: seLinuxOptions.optional(),
    /** Strimzi 0.46.0 on. */
    seLinuxChangePolicy: z
      .enum(['MountOption', 'Recursive'])
      .meta({
        title: 'SELinux relabelling',
        description: 'Strimzi 0.46.0 or later.',
      })
      .optional(),
    sysctls: z.array(sysctl).meta({ title: 'Sysctls' }).optional(),
  })
  .meta({
    title: 'Pod security context',
    description:
      "Kubernetes' PodSecurityContext. For the restricted Pod Security Standard: runAsNonRoot true and seccompProfile type RuntimeDefault.",
  });

/** Pod security context fields that the oldest releases' CRDs do not have yet. */
export const POD_SECURITY_CONTEXT_SINCE: Readonly<
  Record<string, { since: string }>
> = {
  supplementalGroupsPolicy: { since: '0.46.0' },
  seLinuxChangePolicy: { since: '0.46.0' },
};

export const containerSecurityContextSchema = z
  .strictObject({
    runAsUser: runAsUser().optional(),
    runAsGroup: runAsGroup().optional(),
    runAsNonRoot: runAsNonRoot().optional(),
    allowPrivilegeEscalation: z
      .boolean()
      .meta({ title: 'Allow privilege escalation' })
      .optional(),
    privileged: z.boolean().meta({ title: 'Privileged' }).optional(),
    readOnlyRootFilesystem: z
      .boolean()
      .meta({ title: 'Read-only root file system' })
      .optional(),
    capabilities: z
      .strictObject({
        add: z.array(capability()).meta({ title: 'Add' }).optional(),
        drop: z
          .array(capability())
          .meta({ title: 'Drop', examples: [['ALL']] })
          .optional(),
      })
      .meta({ title: 'Linux capabilities' })
      .optional(),
    procMount: z
      .enum(['Default', 'Unmasked'])
      .meta({ title: '/proc mount' })
      .optional(),
    seccompProfile: profile('seccomp').optional(),
    appArmorProfile: profile('AppArmor').optional(),
    seLinuxOptions: seLinuxOptions.optional(),
  })
  .superRefine((context, ctx) => {
    // The API server refuses this pair: a privileged container can always escalate.
    if (context.privileged && context.allowPrivilegeEscalation === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowPrivilegeEscalation'],
        message:
          'Kubernetes refuses allowPrivilegeEscalation: false with privileged: true; drop one of them',
      });
    }
  })
  .meta({
    title: 'Container security context',
    description:
      "Kubernetes' SecurityContext. For the restricted Pod Security Standard: allowPrivilegeEscalation false and capabilities drop ALL.",
  });
