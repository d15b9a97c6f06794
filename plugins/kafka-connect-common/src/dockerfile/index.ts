// The Dockerfile renderer's public surface. The instruction and shell-command models
// stay inside this folder: renderers outside it get text, not building blocks.
export {
  pluginStepsText,
  renderDockerfile,
  truststoreStepsText,
} from './renderDockerfile';
export type {
  DockerfileArtifact,
  DockerfileCertificate,
  DockerfileInput,
  DockerfilePlugin,
} from './types';
export { DockerfileValueError } from './errors';
export { shellQuote } from './shellQuote';
export type { WordPosition } from './shellQuote';
export { mavenJarUrl, PLUGINS_DIR } from './pluginSteps';
// The KafkaConnect resource points ssl.truststore.* at these.
export { TRUSTSTORE_PASSWORD, TRUSTSTORE_PATH } from './truststoreSteps';
