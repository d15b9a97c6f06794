/**
 * The Kafka Connect skeleton domain, shared by the scaffolder action, the CLI and the form.
 * Isomorphic: no Node-only module, no I/O, no clock, no randomness.
 *
 * @packageDocumentation
 */
export * from './problems';
export * from './skeleton';
export { parseValues } from './values/parse';
export type { ParseResult, ValidValues } from './values/parse';
export type { NormalisedValues } from './values/normalise';
export {
  valuesShape,
  MAVEN_CENTRAL,
  CONFIG_PROVIDER_TYPES,
} from './values/schema';
export type { ValuesInput, ParsedValues } from './values/schema';
export {
  RELEASE_FACTS,
  STRIMZI_APIS,
  STRIMZI_RELEASES,
  SUPPORTED_STRIMZI_VERSIONS,
  NEWEST_STRIMZI_VERSION,
  findRelease,
  servedApis,
  strimziBaseImage,
  strimziMavenBuilderImage,
} from './strimzi/releases';
export type {
  ApiFacts,
  AuthenticationType,
  MetricsType,
  ReleaseFacts,
  StrimziApi,
  StrimziApiVersion,
  StrimziRelease,
  VolumeType,
} from './strimzi/releases';
export type {
  BuildOptionsField,
  BuildOptionsRule,
} from './strimzi/buildOptions';
export { catalogEntityRef } from './render/catalogInfo';
// Which config provider types need a plugin, and which one: the form's plugin catalog offers it.
export { CONFIG_PROVIDER_PLUGINS } from './checks/providerPlugins';
export type { ProviderPlugin } from './checks/providerPlugins';
export { namedClasses } from './render/namedClasses';
export type { NamedClass } from './render/namedClasses';
export { MAX_NAME_LENGTH, derivedName } from './names';
export * from './dockerfile';
export {
  importCluster,
  importedValuesYaml,
  parseChecksums,
  parseManifests,
  isStrimziExampleConfig,
  splitImageReference,
} from './import';
export type {
  ImportResult,
  ImportOptions,
  ImportInputs,
  Checksums,
} from './import';
export {
  formParameters,
  generatedTemplate,
  templateWithParameters,
  formLayoutSchema,
  isSchema,
  valuesJsonSchema,
} from './form';
export type { FormLayout, FormLayoutInput, JsonSchema } from './form';
export * from './day2';
// The one serialiser, and its reverse for text it wrote (the fleet commands' fast read).
export { toYaml } from './util/yaml';
export { readCanonicalYaml } from './util/canonicalYaml';
export { GENERATOR_NAME, GENERATOR_VERSION } from './generator';
export {
  PROVENANCE_ANNOTATIONS,
  ENTITY_TYPE as CLUSTER_ENTITY_TYPE,
} from './render/catalogInfo';
// Policy as code: the platform team's rules, checked after the values' own (docs/policy.md).
export * from './policy';
export { parseQuantity, compareQuantities } from './util/quantity';
export type { Quantity } from './util/quantity';
