import { z } from 'zod';

/**
 * Field shapes shared across the values schema. Each message says what a valid value
 * looks like, so the error line alone tells the user how to fix it.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Control characters (newline, tab, NUL, escape, ...): none may land in a name, label or path.
const CONTROL_CHARACTER = /\p{Cc}/u;

export const dnsLabel = (maxLength = 63) =>
  z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(maxLength, {
      message: `must be at most ${maxLength} characters long`,
    })
    .regex(DNS_LABEL, {
      message:
        'must be a DNS-1123 label: lower-case letters, digits and "-", starting and ending with a letter or digit',
    });

export const dnsSubdomain = () =>
  z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(253, { message: 'must be at most 253 characters long' })
    .regex(DNS_SUBDOMAIN, {
      message:
        'must be a DNS-1123 subdomain: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit',
    });

export const singleLine = (maxLength = 1024) =>
  z
    .string()
    .max(maxLength, { message: `must be at most ${maxLength} characters long` })
    .refine(v => !CONTROL_CHARACTER.test(v), {
      message: 'must be a single line without control characters',
    });

export const nonEmptyLine = (maxLength = 1024) =>
  singleLine(maxLength).min(1, { message: 'must not be empty' });

/** Kubernetes label and annotation keys: optional DNS prefix, then a name. */
const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
export const qualifiedName = () =>
  z.string().max(316).regex(QUALIFIED_NAME, {
    message:
      'must be a Kubernetes qualified name like "example.com/my-key" or "my-key"',
  });

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
export const labelValue = () =>
  z
    .string()
    .max(63, { message: 'must be at most 63 characters long' })
    .regex(LABEL_VALUE, {
      message:
        'must be a Kubernetes label value: letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    });

export const labels = () => z.record(qualifiedName(), labelValue());
export const annotations = () => z.record(qualifiedName(), singleLine(4096));

/** Kubernetes resource quantity, as a string ("500m", "2Gi") or a plain number. */
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|Ki|Mi|Gi|Ti|Pi|Ei|M|G|T|P|E)?$/;
export const quantity = () =>
  z.union([
    z
      .string()
      .regex(QUANTITY, {
        message:
          'must be a Kubernetes quantity like "500m", "2", "512Mi" or "2Gi"',
      })
      .meta({ title: 'Text, such as 500m or 2Gi' }),
    z.number().nonnegative().meta({ title: 'Number' }),
  ]);

/** host:port[,host:port] as Kafka's bootstrap.servers takes it. */
const HOST_PORT =
  /^[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5}(,[A-Za-z0-9]([-A-Za-z0-9.]*[A-Za-z0-9])?:[0-9]{1,5})*$/;
export const bootstrapServers = () =>
  z.string().regex(HOST_PORT, {
    message:
      'must be host:port[,host:port], for example my-cluster-kafka-bootstrap.kafka.svc:9093',
  });

/** Kafka topic and consumer group names. */
const KAFKA_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const kafkaName = () =>
  z.string().regex(KAFKA_NAME, {
    message:
      'must be 1 to 249 characters of letters, digits, ".", "_" and "-" (a Kafka topic or group name)',
  });

/** A fully qualified Java class name. */
const JAVA_CLASS = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;
export const javaClass = () =>
  z.string().regex(JAVA_CLASS, {
    message:
      'must be a fully qualified Java class name, for example io.debezium.connector.postgresql.PostgresConnector',
  });

/**
 * URLs that land in a Dockerfile RUN step. The step quotes them anyway; refusing shell
 * metacharacters here stops a value that only makes sense as an injection attempt.
 */
const SAFE_URL =
  /^https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?(\/[A-Za-z0-9._~%\/+=:@,-]*)?(\?[A-Za-z0-9._~%\/+=:@,-]*)?$/;
export const downloadUrl = () =>
  z.string().max(2048).regex(SAFE_URL, {
    message:
      'must be an http(s) URL without spaces, quotes or shell metacharacters ($ ` \\ ; & | < > ( ) { } * ! \' "); percent-encode such characters',
  });

/** A name used as a folder or file name inside the image: no path separators, no "..". */
const FILE_NAME = /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/;
export const fileName = () =>
  z
    .string()
    .max(63, { message: 'must be at most 63 characters long' })
    .regex(FILE_NAME, {
      message:
        'must be lower-case letters, digits, ".", "_" and "-", starting and ending with a letter or digit (it becomes a folder name)',
    })
    .refine(v => !v.includes('..'), { message: 'must not contain ".."' });

const MAVEN_COORDINATE = /^[A-Za-z0-9_.-]+$/;
export const mavenCoordinate = () =>
  z.string().regex(MAVEN_COORDINATE, {
    message: 'must be letters, digits, ".", "_" and "-" (a Maven coordinate)',
  });

const SHA512 = /^[0-9a-f]{128}$/;
export const sha512 = () =>
  z.string().regex(SHA512, {
    message: 'must be the 128 lower-case hex digits of the SHA-512 checksum',
  });

/** Backstage entity reference: [kind:][namespace/]name. */
const ENTITY_REF =
  /^(?:([a-zA-Z][a-zA-Z0-9]*):)?(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/)?([a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?)$/;
export const entityRef = (kinds?: readonly string[]) =>
  z
    .string()
    .max(253)
    .regex(ENTITY_REF, {
      message:
        'must be a Backstage entity reference like "group:default/data-platform" or "user:jane"',
    })
    .refine(
      v => {
        const kind = ENTITY_REF.exec(v)?.[1];
        return (
          !kinds || !kind || kinds.includes(kind.toLocaleLowerCase('en-US'))
        );
      },
      { message: `must refer to one of these kinds: ${kinds?.join(', ')}` },
    );

/** Environment variable names: C identifiers. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const envName = () =>
  z.string().max(253).regex(ENV_NAME, {
    message: 'must be letters, digits and "_", not starting with a digit',
  });

/** Kafka config provider aliases end up inside `${alias:...}` references. */
const PROVIDER_NAME = /^[a-zA-Z][a-zA-Z0-9_-]{0,62}$/;
export const providerName = () =>
  z.string().regex(PROVIDER_NAME, {
    message:
      'must start with a letter and hold only letters, digits, "_" and "-" (it is the prefix of ${name:...} references)',
  });

/** A worker or connector setting value: scalars only, no newlines or control characters. */
export const configValue = () =>
  z.union([singleLine(8192), z.number(), z.boolean()]);

/** Keys of Kafka settings: dotted names. */
const CONFIG_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const configKey = () =>
  z.string().max(253).regex(CONFIG_KEY, {
    message: 'must be a Kafka setting name: letters, digits, ".", "_" and "-"',
  });
