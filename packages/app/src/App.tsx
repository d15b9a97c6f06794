import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import {
  kafkaConnectChangeFormModule,
  kafkaConnectEntityPageModule,
  kafkaConnectFormFieldsModule,
  kafkaConnectScaffolderFormModule,
} from '@connect-skeleton/plugin-kafka-connect';
import { navModule } from './modules/nav';
import { taskStepsModule } from './modules/taskSteps';

export default createApp({
  features: [
    catalogPlugin,
    navModule,
    taskStepsModule,
    kafkaConnectScaffolderFormModule,
    kafkaConnectFormFieldsModule,
    kafkaConnectChangeFormModule,
    kafkaConnectEntityPageModule,
  ],
});
