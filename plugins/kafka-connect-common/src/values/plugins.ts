import { z } from 'zod';
import { downloadUrl, mavenCoordinate, sha512 } from './patterns';

/** Connector plugin artifacts: from a Maven repository, or a URL with its checksum. */

export const MAVEN_CENTRAL = 'https://repo1.maven.org/maven2';

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
]);
export type Artifact = z.infer<typeof artifactSchema>;
