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

const secretName = () => dnsSubdomain().meta({ title: 'Secret name' });

const secretKeyRef = (title: string) =>
  z
    .strictObject({
      secretName: secretName(),
      key: nonEmptyLine(253).meta({ title: 'Key in the Secret' }),
    })
    .meta({ title });

const passwordSecret = z
  .strictObject({
    secretName: secretName(),
    password: nonEmptyLine(253).meta({
      title: 'Key in the Secret',
      description: 'the key in the Secret that holds the password',
    }),
  })
  .meta({ title: 'Password Secret' });

const username = () => nonEmptyLine(253).meta({ title: 'User name' });

export const trustedCertificateSchema = z
  .strictObject({
    secretName: secretName(),
    certificate: nonEmptyLine(253)
      .meta({ title: 'Certificate key', examples: ['ca.crt'] })
      .optional(),
    pattern: nonEmptyLine(253)
      .meta({ title: 'Pattern of certificate keys', examples: ['*.crt'] })
      .optional(),
  })
  .refine(c => (c.certificate === undefined) !== (c.pattern === undefined), {
    message:
      'give exactly one of certificate (a key in the Secret) or pattern (a glob such as "*.crt")',
  });

const saslUser = (
  type: 'scram-sha-256' | 'scram-sha-512' | 'plain',
  title: string,
) =>
  z
    .strictObject({
      type: z.literal(type),
      username: username(),
      passwordSecret,
    })
    .meta({ title });

export const authenticationSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('tls'),
        certificateAndKey: z
          .strictObject({
            secretName: secretName(),
            certificate: nonEmptyLine(253).meta({
              title: 'Certificate key',
              examples: ['user.crt'],
            }),
            key: nonEmptyLine(253).meta({
              title: 'Private key key',
              examples: ['user.key'],
            }),
          })
          .meta({ title: 'Certificate and key Secret' }),
      })
      .meta({ title: 'TLS client certificate' }),
    saslUser('scram-sha-256', 'SCRAM-SHA-256'),
    saslUser('scram-sha-512', 'SCRAM-SHA-512'),
    saslUser('plain', 'PLAIN'),
    z
      .strictObject({
        type: z.literal('oauth'),
        tokenEndpointUri: downloadUrl()
          .meta({ title: 'Token endpoint URI' })
          .optional(),
        clientId: nonEmptyLine(253).meta({ title: 'Client id' }).optional(),
        clientSecret: secretKeyRef('Client secret').optional(),
        refreshToken: secretKeyRef('Refresh token').optional(),
        accessToken: secretKeyRef('Access token').optional(),
        accessTokenIsJwt: z
          .boolean()
          .meta({ title: 'The access token is a JWT' })
          .optional(),
        username: username().optional(),
        passwordSecret: passwordSecret.optional(),
        scope: singleLine(1024).meta({ title: 'Scope' }).optional(),
        audience: singleLine(1024).meta({ title: 'Audience' }).optional(),
        tlsTrustedCertificates: z
          .array(trustedCertificateSchema)
          .meta({ title: 'Trusted certificates of the token endpoint' })
          .optional(),
        disableTlsHostnameVerification: z
          .boolean()
          .meta({ title: 'Skip TLS host name verification' })
          .optional(),
        maxTokenExpirySeconds: z
          .number()
          .int()
          .min(0)
          .meta({ title: 'Maximum token lifetime (seconds)' })
          .optional(),
        connectTimeoutSeconds: z
          .number()
          .int()
          .min(1)
          .meta({ title: 'Connect timeout (seconds)' })
          .optional(),
        readTimeoutSeconds: z
          .number()
          .int()
          .min(1)
          .meta({ title: 'Read timeout (seconds)' })
          .optional(),
        httpRetries: z
          .number()
          .int()
          .min(0)
          .meta({ title: 'HTTP retries' })
          .optional(),
        httpRetryPauseMs: z
          .number()
          .int()
          .min(0)
          .meta({ title: 'Pause between HTTP retries (ms)' })
          .optional(),
        enableMetrics: z.boolean().meta({ title: 'OAuth metrics' }).optional(),
        includeAcceptHeader: z
          .boolean()
          .meta({ title: 'Send the Accept header' })
          .optional(),
      })
      .meta({ title: 'OAuth 2.0 (API v1beta2 only, Strimzi up to 0.51.0)' }),
    z
      .strictObject({
        type: z.literal('custom'),
        sasl: z.boolean().meta({ title: 'SASL' }).optional(),
        config: z
          .record(configKey(), configValue())
          .meta({
            title: 'Settings',
            description:
              'Kafka client settings; secrets only as ${provider:...} references.',
          })
          .optional(),
      })
      .meta({ title: 'Custom (Strimzi 0.48.0 on), for example AWS MSK IAM' }),
  ])
  .meta({
    title: 'Authentication',
    description:
      'Credentials are always references to Kubernetes Secrets, never the secret values.',
  });

export type Authentication = z.infer<typeof authenticationSchema>;
