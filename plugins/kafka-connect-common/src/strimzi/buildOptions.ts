/**
 * Extra options for the image builder of Strimzi's own build (`spec.build.output`), as
 * each release's operator takes them: which output field carries them, and the option
 * names its allow list admits (read off the operator's DockerOutput and KafkaConnectBuild
 * of each release; test/src/strimzi/buildOptions.test.ts holds them against the CRDs).
 *
 * Up to 0.48.0 the builder is Kaniko and the field `additionalKanikoOptions`. From 0.49.0
 * the operator builds with Kaniko or Buildah (feature gate UseConnectBuildWithBuildah, off
 * by default up to 0.51.0, on from 1.0.0) and reads `additionalBuildOptions`, checked
 * against the list of the builder in use; with Buildah it ignores `additionalKanikoOptions`,
 * which the v1beta2 API of 0.49.0-0.51.0 still has, deprecated. Which builder an operator
 * runs is its installation's choice, so an option either builder of the release admits is
 * accepted, and one neither admits is refused, as the operator would refuse it.
 */

export type BuildOptionsField =
  | 'additionalKanikoOptions'
  | 'additionalBuildOptions';

export interface BuildOptionsRule {
  field: BuildOptionsField;
  kaniko: readonly string[];
  /** Empty before 0.49.0: there was no Buildah builder. */
  buildah: readonly string[];
}

const KANIKO_0_45: readonly string[] = [
  '--customPlatform',
  '--custom-platform',
  '--insecure',
  '--insecure-pull',
  '--insecure-registry',
  '--log-format',
  '--log-timestamp',
  '--registry-mirror',
  '--reproducible',
  '--single-snapshot',
  '--skip-tls-verify',
  '--skip-tls-verify-pull',
  '--skip-tls-verify-registry',
  '--verbosity',
  '--snapshotMode',
  '--use-new-run',
  '--registry-certificate',
  '--registry-client-cert',
];
const KANIKO: readonly string[] = [...KANIKO_0_45, '--ignore-path'];
const BUILDAH: readonly string[] = [
  '--authfile',
  '--cert-dir',
  '--creds',
  '--decryption-key',
  '--retry',
  '--retry-delay',
  '--tls-verify',
];

/** 0.45.0: Kaniko, without --ignore-path. */
export const KANIKO_ONLY_0_45: BuildOptionsRule = {
  field: 'additionalKanikoOptions',
  kaniko: KANIKO_0_45,
  buildah: [],
};
/** 0.46.0 to 0.48.0. */
export const KANIKO_ONLY: BuildOptionsRule = {
  field: 'additionalKanikoOptions',
  kaniko: KANIKO,
  buildah: [],
};
/** 0.49.0 on, in both API versions. */
export const KANIKO_OR_BUILDAH: BuildOptionsRule = {
  field: 'additionalBuildOptions',
  kaniko: KANIKO,
  buildah: BUILDAH,
};

/** `--name=value` → `--name`, as the operator reads an option before its allow list. */
export function buildOptionName(option: string): string {
  const equals = option.indexOf('=');
  return equals < 0 ? option : option.slice(0, equals);
}
