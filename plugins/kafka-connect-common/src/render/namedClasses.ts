import { formatPath } from '../problems';
import { ConfigProviderType } from '../values/configProviders';
import { ParsedValues } from '../values/schema';
import { CONFIG_PROVIDER_CLASSES } from './workerConfig';

/**
 * The Java classes the rendered configuration names, each with the fields that name it:
 * config providers, the connectors' classes, and in the worker's and each connector's
 * settings the converters, transforms and predicates. A value without a package is one
 * of Connect's aliases (`Cast$Value`, `JsonConverter`): which jar holds it cannot be told
 * from the name, so it is left out (docs/values.md says so).
 */
export interface NamedClass {
  name: string;
  fields: string[];
}

const JAVA_CLASS = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)+$/;

/** Settings whose value is a class: converters, and each transform's or predicate's type. */
const CLASS_SETTING =
  /^(?:(?:key|value|header)\.converter|(?:transforms|predicates)\.[^.]+\.type)$/;

export function providerClass(provider: {
  type: ConfigProviderType;
  class?: string;
}): string {
  return provider.type === 'custom'
    ? provider.class!
    : CONFIG_PROVIDER_CLASSES[provider.type];
}

export function namedClasses(
  values: Partial<
    Pick<ParsedValues, 'configProviders' | 'connectors' | 'connect'>
  >,
): NamedClass[] {
  const found = new Map<string, string[]>();
  const add = (name: unknown, field: string) => {
    if (typeof name !== 'string' || !JAVA_CLASS.test(name)) return;
    found.set(name, [...(found.get(name) ?? []), field]);
  };
  const settings = (
    config: Record<string, unknown>,
    prefix: readonly (string | number)[],
  ) => {
    for (const [key, value] of Object.entries(config)) {
      if (CLASS_SETTING.test(key)) add(value, formatPath([...prefix, key]));
    }
  };
  (values.configProviders ?? []).forEach((provider, i) =>
    add(
      providerClass(provider),
      `configProviders[${i}].${provider.type === 'custom' ? 'class' : 'type'}`,
    ),
  );
  settings(values.connect?.config ?? {}, ['connect', 'config']);
  (values.connectors ?? []).forEach((connector, i) => {
    add(connector.class, `connectors[${i}].class`);
    settings(connector.config ?? {}, ['connectors', i, 'config']);
  });
  return [...found].map(([name, fields]) => ({ name, fields }));
}
