/**
 * What renderDockerfile needs, already checked and defaulted by the values code.
 * The names carry a Dockerfile prefix so they sit next to the values types in the
 * package index without clashing.
 */

/** One artifact of a connector plugin. */
export type DockerfileArtifact =
  | {
      type: 'maven';
      group: string;
      artifact: string;
      version: string;
      /** Already defaulted to https://repo1.maven.org/maven2. */
      repository: string;
    }
  | { type: 'jar' | 'tgz' | 'zip'; url: string; sha512sum: string }
  /** Stored as it is, in a folder of its own, under fileName (already defaulted). */
  | { type: 'other'; url: string; sha512sum: string; fileName: string };

/** A connector plugin: its folder under /opt/kafka/plugins and what goes in it. */
export interface DockerfilePlugin {
  name: string;
  artifacts: readonly DockerfileArtifact[];
}

/** A PEM bundle (one or more certificates) to add to the custom truststore. */
export interface DockerfileCertificate {
  name: string;
  url: string;
}

/** A class the rendered configuration names, and the fields that name it. */
export interface DockerfileClass {
  /** Fully qualified, for example io.debezium.connector.mysql.MySqlConnector. */
  name: string;
  /** For the failure message, for example `connectors[0].class`. */
  fields: readonly string[];
}

export interface DockerfileInput {
  /** For example quay.io/strimzi/kafka:0.45.0-kafka-3.9.0, computed by the caller. */
  baseImage: string;
  /** True when the values chose the base image, so the header does not call it Strimzi's. */
  customBase?: boolean;
  plugins: readonly DockerfilePlugin[];
  /**
   * The image of the builder stage that resolves Maven artifacts; the renderer passes the
   * release's Strimzi Maven builder. Default: Strimzi's own code default.
   */
  mavenBuilder?: string;
  /** Classes the last step looks for in the image's jars; none means no check step. */
  checkedClasses?: readonly DockerfileClass[];
  /** PEM bundles for the custom truststore; none means no truststore step. */
  certificates: readonly DockerfileCertificate[];
  /** Optional OCI labels, written sorted by key. */
  labels?: Readonly<Record<string, string>>;
  /** The values file named in the header comment; values.yaml when not given. */
  valuesFile?: string;
}
