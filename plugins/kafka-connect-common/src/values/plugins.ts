import { z } from 'zod';
import { downloadUrl, mavenCoordinate, sha512 } from './patterns';

/** Connector plugin artifacts: from a Maven repository, or a URL with its checksum. */

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

/**
 * The name an `other` artifact is stored under: one plain file name (no folder, no
 * leading "." or "-"), so it can land neither outside its folder nor on a dot file.
 */
export const ARTIFACT_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/;

const url = () => downloadUrl().meta({ title: 'URL' });
const checksum = () => sha512().meta({ title: 'SHA-512 checksum' });

const ARCHIVE_TITLES = {
  jar: 'JAR file',
  tgz: 'TGZ archive',
  zip: 'ZIP archive',
} as const;

export const artifactSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('maven'),
      group: mavenCoordinate().meta({
        title: 'Group',
        examples: ['io.debezium'],
      }),
      artifact: mavenCoordinate().meta({
        title: 'Artifact',
        examples: ['debezium-connector-postgres'],
      }),
      version: mavenCoordinate().meta({ title: 'Version' }),
      repository: downloadUrl()
        .default(MAVEN_CENTRAL)
        .meta({ title: 'Maven repository' }),
    })
    .meta({ title: 'Maven artifact' }),
  ...(['jar', 'tgz', 'zip'] as const).map(type =>
    z
      .strictObject({
        type: z.literal(type),
        url: url(),
        sha512sum: checksum(),
      })
      .meta({ title: ARCHIVE_TITLES[type] }),
  ),
  // Any other file (a native library, a config file): stored as it is, not unpacked.
  z
    .strictObject({
      type: z.literal('other'),
      url: url(),
      sha512sum: checksum(),
      fileName: z
        .string()
        .regex(ARTIFACT_FILE_NAME, {
          message:
            'must be a file name of letters, digits, ".", "_" and "-", starting with a letter, digit or "_" (no folders)',
        })
        .meta({
          title: 'File name',
          description: "Default the URL's last path segment.",
        })
        .optional(),
    })
    .meta({ title: 'Other file (stored as it is)' }),
]);
export type Artifact = z.infer<typeof artifactSchema>;

/**
 * An `other` artifact's file name: the one given, else the last segment of the URL's
 * path; undefined when that segment is no usable file name (then fileName is required).
 */
export function otherArtifactFileName(
  artifact: Extract<Artifact, { type: 'other' }>,
): string | undefined {
  if (artifact.fileName) return artifact.fileName;
  const path = artifact.url.replace(/^https?:\/\/[^/?]*/, '').split('?')[0];
  const last = path.split('/').pop() ?? '';
  return ARTIFACT_FILE_NAME.test(last) ? last : undefined;
}
