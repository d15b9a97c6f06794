import {
  ExtensionDefinition,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { problemsValidator } from './fields/validation';

/**
 * One scaffolder form field per extension. Components load lazily, with the renderer, the
 * first time a template uses one of them.
 */
export const kafkaConnectFormFields: ExtensionDefinition[] = [
  FormFieldBlueprint.make({
    name: 'kafka-connect-plugins',
    params: {
      field: () =>
        import('./fields/PluginPicker').then(m =>
          createFormField({
            name: 'KafkaConnectPlugins',
            component: m.PluginPicker,
            validation: problemsValidator(['plugins']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-strimzi-release',
    params: {
      field: () =>
        import('./fields/StrimziReleasePicker').then(m =>
          createFormField({
            name: 'KafkaConnectStrimziRelease',
            component: m.StrimziReleasePicker,
            validation: problemsValidator(['strimzi']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-kafka-version',
    params: {
      field: () =>
        import('./fields/KafkaVersionPicker').then(m =>
          createFormField({
            name: 'KafkaConnectKafkaVersion',
            component: m.KafkaVersionPicker,
            validation: problemsValidator(['kafka', 'version']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-volumes',
    params: {
      field: () =>
        import('./fields/VolumeEditor').then(m =>
          createFormField({
            name: 'KafkaConnectVolumes',
            component: m.VolumeEditor,
            validation: problemsValidator(['volumes']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-env',
    params: {
      field: () =>
        import('./fields/EnvEditor').then(m =>
          createFormField({
            name: 'KafkaConnectEnv',
            component: m.EnvEditor,
            validation: problemsValidator(['env']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-scheduling',
    params: {
      field: () =>
        import('./fields/SchedulingEditor').then(m =>
          createFormField({
            name: 'KafkaConnectScheduling',
            component: m.SchedulingEditor,
            validation: problemsValidator(['scheduling']),
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-key-value',
    params: {
      field: () =>
        import('./fields/KeyValueEditor').then(m =>
          createFormField({
            name: 'KafkaConnectKeyValue',
            component: m.KeyValueEditor,
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-preview',
    params: {
      field: () =>
        import('./fields/PreviewField').then(m =>
          createFormField({
            name: 'KafkaConnectPreview',
            component: m.PreviewField,
          }),
        ),
    },
  }),
  FormFieldBlueprint.make({
    name: 'kafka-connect-preview-layout',
    params: {
      field: () =>
        import('./fields/PreviewLayout').then(m =>
          createFormField({
            name: 'KafkaConnectPreviewLayout',
            component: m.PreviewLayout,
          }),
        ),
    },
  }),
];

/**
 * The Kafka Connect field extensions as a module of the scaffolder plugin (new frontend
 * system): add it to the app's features, or list the package in the app's dependencies
 * with `app.packages: all`.
 */
export const kafkaConnectFormFieldsModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: kafkaConnectFormFields,
});
