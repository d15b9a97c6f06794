import { z } from 'zod';
import { downloadUrl, mavenCoordinate, sha512 } from './patterns';

/** Connector plugin artifacts: from a Maven repository, or a URL with its checksum. */

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

/**
 * The name an `other` artifact is stored under: one plain file name (no folder, no
 * leading "." or "-"), so it can land neither outside its folder nor on a dot file.
 */
export const ARTIFACT_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,254}$/;

export const artifactSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('maven'),
    group: mavenCoordinate(),
    artifact: mavenCoordinate(),
    version: mavenCoordinate(),
    repository: downloadUrl().default(MAVEN_CENTRAL),
  }),
  ...(['jar', 'tgz', 'zip'] as const).map(type =>
    z.strictObject({
      type: z.literal(type),
      url: downloadUrl(),
      sha512sum: sha512(),
    }),
  ),
  // Any other file (a native library, a config file): stored as it is, not unpacked.
  z.strictObject({
    type: z.literal('other'),
    url: downloadUrl(),
    sha512sum: sha512(),
    fileName: z
      .string()
      .regex(ARTIFACT_FILE_NAME, {
        message:
          'must be a file name of letters, digits, ".", "_" and "-", starting with a letter, digit or "_" (no folders)',
      })
      .optional(),
  }),
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
