import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import {
  kafkaConnectChangeFormModule,
  kafkaConnectEntityPageModule,
  kafkaConnectFormFieldsModule,
} from '@connect-skeleton/plugin-kafka-connect';
import { navModule } from './modules/nav';
import { scaffolderFormModule } from './modules/scaffolderForm';
import { taskStepsModule } from './modules/taskSteps';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    taskStepsModule,
    scaffolderFormModule,
    kafkaConnectFormFieldsModule,
    kafkaConnectChangeFormModule,
    kafkaConnectEntityPageModule,
  ],
});
