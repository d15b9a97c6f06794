import { z } from 'zod';
import { nonEmptyLine, singleLine } from './patterns';

/**
 * Kubernetes' PodSecurityContext and SecurityContext, as the Strimzi CRDs take them for the
 * Connect pods and container. windowsOptions is left out: Strimzi's images run on Linux only.
 */

/** User and group ids: Kubernetes accepts 0 to 2^31-1. */
const id = () => z.number().int().min(0).max(2147483647);

/** seccomp and AppArmor profiles: a localhost profile names its file, the others must not. */
const profile = (what: string) =>
  z
    .strictObject({
      type: z.enum(['RuntimeDefault', 'Unconfined', 'Localhost']),
      localhostProfile: nonEmptyLine(4096).optional(),
    })
    .superRefine((p, ctx) => {
      if ((p.type === 'Localhost') !== (p.localhostProfile !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['localhostProfile'],
          message: `give localhostProfile (the ${what} profile's file on the node) exactly when type is Localhost`,
        });
      }
    });

const seLinuxOptions = z.strictObject({
  user: singleLine(253).optional(),
  role: singleLine(253).optional(),
  type: singleLine(253).optional(),
  level: singleLine(253).optional(),
});

const SYSCTL =
  /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;
const sysctl = z.strictObject({
  name: z.string().max(253).regex(SYSCTL, {
    message: 'must be a sysctl name such as net.ipv4.tcp_keepalive_time',
  }),
  value: singleLine(1024),
});

const CAPABILITY = /^[A-Za-z_]{1,64}$/;
const capability = () =>
  z.string().regex(CAPABILITY, {
    message: 'must be a Linux capability name such as ALL or NET_BIND_SERVICE',
  });

export const podSecurityContextSchema = z.strictObject({
  runAsUser: id().optional(),
  runAsGroup: id().optional(),
  runAsNonRoot: z.boolean().optional(),
  fsGroup: id().optional(),
  fsGroupChangePolicy: z.enum(['OnRootMismatch', 'Always']).optional(),
  supplementalGroups: z.array(id()).optional(),
  /** Strimzi 0.46.0 on. */
  supplementalGroupsPolicy: z.enum(['Merge', 'Strict']).optional(),
  seccompProfile: profile('seccomp').optional(),
  appArmorProfile: profile('AppArmor').optional(),
  seLinuxOptions: seLinuxOptions.optional(),
  /** Strimzi 0.46.0 on. */
  seLinuxChangePolicy: z.enum(['MountOption', 'Recursive']).optional(),
  sysctls: z.array(sysctl).optional(),
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
    runAsUser: id().optional(),
    runAsGroup: id().optional(),
    runAsNonRoot: z.boolean().optional(),
    allowPrivilegeEscalation: z.boolean().optional(),
    privileged: z.boolean().optional(),
    readOnlyRootFilesystem: z.boolean().optional(),
    capabilities: z
      .strictObject({
        add: z.array(capability()).optional(),
        drop: z.array(capability()).optional(),
      })
      .optional(),
    procMount: z.enum(['Default', 'Unmasked']).optional(),
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
  });
