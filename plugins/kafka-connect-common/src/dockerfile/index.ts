// The Dockerfile renderer's public surface. The instruction and shell-command models
// stay inside this folder: renderers outside it get text, not building blocks.
export {
  pluginRunSteps,
  renderDockerfile,
  truststoreStepsText,
  usesMavenBuilder,
} from './renderDockerfile';
export type {
  DockerfileArtifact,
  DockerfileCertificate,
  DockerfileClass,
  DockerfileInput,
  DockerfilePlugin,
} from './types';
export { DockerfileValueError } from './errors';
export { shellQuote } from './shellQuote';
export type { WordPosition } from './shellQuote';
export { PLUGINS_DIR } from './pluginSteps';
export { LIBS_DIR } from './classCheckStep';
export {
  DEFAULT_MAVEN_BUILDER,
  MAVEN_DEPENDENCY_PLUGIN,
  MAVEN_STAGE,
  resolverPom,
} from './mavenStage';
// The KafkaConnect resource points ssl.truststore.* at these.
export { TRUSTSTORE_PASSWORD, TRUSTSTORE_PATH } from './truststoreSteps';
