export {
  isKafkaConnectAction,
  isKafkaConnectTemplate,
  KAFKA_CONNECT_ACTION_IDS,
  KAFKA_CONNECT_TEMPLATE_TYPE,
  kafkaConnectPermissionDecision,
} from './kafkaConnectPermissions';
export type { KafkaConnectPermissionOptions } from './kafkaConnectPermissions';
export { readTemplateGroups, TEMPLATE_GROUPS_KEY } from './templateGroups';
