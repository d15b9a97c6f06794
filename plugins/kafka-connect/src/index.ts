/**
 * Scaffolder field extensions for Kafka Connect clusters, with a live preview that runs the
 * render step's own renderer in the browser.
 *
 * @packageDocumentation
 */
import { kafkaConnectFormFieldsModule } from './module';

export { kafkaConnectFormFieldsModule };
export { FIELDS } from './fields/fieldNames';
export type { FieldName } from './fields/fieldNames';
export { PLUGIN_CATALOG } from './catalog/pluginCatalog';
export type {
  CatalogEntry,
  CatalogVersion,
  CatalogArtifact,
} from './catalog/pluginCatalog';
export { PreviewPanel } from './components/PreviewPanel';
export { computePreview } from './preview/computePreview';
export type { Preview } from './preview/computePreview';
export { PluginPicker } from './fields/PluginPicker';
export { StrimziReleasePicker } from './fields/StrimziReleasePicker';
export { KafkaVersionPicker } from './fields/KafkaVersionPicker';
export { VolumeEditor } from './fields/VolumeEditor';
export { EnvEditor } from './fields/EnvEditor';
export { SchedulingEditor } from './fields/SchedulingEditor';
export { KeyValueEditor } from './fields/KeyValueEditor';
export { PreviewField } from './fields/PreviewField';
export { PreviewLayout } from './fields/PreviewLayout';
export {
  kafkaConnectChangeFormModule,
  kafkaConnectEntityPageModule,
} from './day2Module';
export { kafkaConnectScaffolderFormModule } from './scaffolderForm/scaffolderFormModule';
export { ClusterChangeField } from './day2/ClusterChangeField';
export { ClusterCard } from './entity/ClusterCard';
export { ReviewTable } from './review/ReviewTable';
export { reviewSections } from './review/reviewRows';
export type {
  ReviewPage,
  ReviewRow,
  ReviewSection,
  ReviewValue,
} from './review/reviewRows';

export default kafkaConnectFormFieldsModule;
export { plainErrors } from './preview/plainErrors';
export type { SchemaError } from './preview/plainErrors';
