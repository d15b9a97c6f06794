import { problem, Problem } from '../problems';
import { ParsedValues } from '../values/schema';

/** KafkaConnector has its own fields for these; Strimzi ignores them inside config. */
const FIELD_FOR_KEY: Record<string, string> = {
  'connector.class': 'class',
  'tasks.max': 'tasksMax',
  name: 'name',
};

export function checkConnectors(
  values: Pick<ParsedValues, 'connectors'>,
): Problem[] {
  return values.connectors.flatMap((connector, index) =>
    Object.keys(connector.config)
      .filter(key => key in FIELD_FOR_KEY)
      .map(key =>
        problem(
          ['connectors', index, 'config', key],
          `set it with connectors[${index}].${FIELD_FOR_KEY[key]}, not inside config`,
        ),
      ),
  );
}
