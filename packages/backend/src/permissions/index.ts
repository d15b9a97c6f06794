export { permissionModuleKafkaConnectPolicy } from './permissionModuleKafkaConnectPolicy';
export { KafkaConnectDemoPolicy } from './KafkaConnectDemoPolicy';
