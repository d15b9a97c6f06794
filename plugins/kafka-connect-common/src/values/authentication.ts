import { z } from 'zod';
import {
  configKey,
  configValue,
  dnsSubdomain,
  downloadUrl,
  nonEmptyLine,
  singleLine,
} from './patterns';

/**
 * Strimzi's client authentication shapes. Every credential is a reference to a Secret:
 * the values never hold a password, key or token.
 */

const secretKeyRef = z.strictObject({
  secretName: dnsSubdomain(),
  key: nonEmptyLine(253),
});

const passwordSecret = z.strictObject({
  secretName: dnsSubdomain(),
  password: nonEmptyLine(253).describe(
    'the key in the Secret that holds the password',
  ),
});

export const trustedCertificateSchema = z
  .strictObject({
    secretName: dnsSubdomain(),
    certificate: nonEmptyLine(253).optional(),
    pattern: nonEmptyLine(253).optional(),
  })
  .refine(c => (c.certificate === undefined) !== (c.pattern === undefined), {
    message:
      'give exactly one of certificate (a key in the Secret) or pattern (a glob such as "*.crt")',
  });

const saslUser = (type: 'scram-sha-256' | 'scram-sha-512' | 'plain') =>
  z.strictObject({
    type: z.literal(type),
    username: nonEmptyLine(253),
    passwordSecret,
  });

export const authenticationSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('tls'),
    certificateAndKey: z.strictObject({
      secretName: dnsSubdomain(),
      certificate: nonEmptyLine(253),
      key: nonEmptyLine(253),
    }),
  }),
  saslUser('scram-sha-256'),
  saslUser('scram-sha-512'),
  saslUser('plain'),
  z.strictObject({
    type: z.literal('oauth'),
    tokenEndpointUri: downloadUrl().optional(),
    clientId: nonEmptyLine(253).optional(),
    clientSecret: secretKeyRef.optional(),
    refreshToken: secretKeyRef.optional(),
    accessToken: secretKeyRef.optional(),
    accessTokenIsJwt: z.boolean().optional(),
    username: nonEmptyLine(253).optional(),
    passwordSecret: passwordSecret.optional(),
    scope: singleLine(1024).optional(),
    audience: singleLine(1024).optional(),
    tlsTrustedCertificates: z.array(trustedCertificateSchema).optional(),
    disableTlsHostnameVerification: z.boolean().optional(),
    maxTokenExpirySeconds: z.number().int().min(0).optional(),
    connectTimeoutSeconds: z.number().int().min(1).optional(),
    readTimeoutSeconds: z.number().int().min(1).optional(),
    httpRetries: z.number().int().min(0).optional(),
    httpRetryPauseMs: z.number().int().min(0).optional(),
    enableMetrics: z.boolean().optional(),
    includeAcceptHeader: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('custom'),
    sasl: z.boolean().optional(),
    config: z.record(configKey(), configValue()).optional(),
  }),
]);

export type Authentication = z.infer<typeof authenticationSchema>;
