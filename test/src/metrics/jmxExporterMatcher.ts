/**
 * Applies Prometheus JMX exporter rules to MBean attributes the way jmx_exporter's
 * JmxCollector does (collector/src/main/java/io/prometheus/jmx/JmxCollector.java, 1.x):
 *
 * - Each attribute is matched as one string, `domain<k1=v1, k2=v2><>attribute: value`: the key
 *   properties in the order the ObjectName declares them (a LinkedHashMap printed by Java),
 *   `<>` for a plain attribute (the composite-data path otherwise), then `: ` and the value.
 * - A rule's pattern is compiled as `^.*(?:pattern).*$`, so it may match anywhere.
 * - The first rule whose pattern matches decides, even if the value then turns out unusable
 *   (a string without `value:` in the rule): the attribute is dropped, no later rule is tried.
 * - `name`, `help`, label names and label values are the replacement `$n` of Java's
 *   Matcher.replaceAll; name and label names then lose unsafe characters (runs of anything
 *   but `[a-zA-Z0-9:_]` become one `_`) and are lower-cased when configured.
 * - A label with an empty name or value is left out. A rule without `name` exports in the
 *   default format: `domain_firstKeyValue_attribute`, the other keys as labels.
 *
 * Only the configuration keys below are modelled; any other key throws, so a config this
 * matcher cannot judge fails loudly instead of being judged wrongly.
 */

export type AttributeValue = number | boolean | string;

export interface MBean {
  /** As JMX prints it: `kafka.connect:type=connector-metrics,connector=orders`. */
  objectName: string;
  attributes: Record<string, AttributeValue>;
}

export interface JmxRule {
  pattern?: string;
  name?: string;
  value?: string | number;
  valueFactor?: number;
  labels?: Record<string, string>;
  help?: string;
  type?: string;
  attrNameSnakeCase?: boolean;
  cache?: boolean;
}

export interface JmxExporterConfig {
  lowercaseOutputName?: boolean;
  lowercaseOutputLabelNames?: boolean;
  rules?: JmxRule[];
}

/** One exported sample: what Prometheus scrapes, plus the attribute it came from. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  type: string;
  value: number;
  /** `objectName attribute`, to tell which MBean a sample came from. */
  source: string;
}

const CONFIG_KEYS = new Set([
  'lowercaseOutputName',
  'lowercaseOutputLabelNames',
  'rules',
]);
const RULE_KEYS = new Set([
  'pattern',
  'name',
  'value',
  'valueFactor',
  'labels',
  'help',
  'type',
  'attrNameSnakeCase',
  'cache',
]);

interface CompiledRule {
  rule: JmxRule;
  regex?: RegExp;
}

/** jmx_exporter's JmxMBeanPropertyCache.PROPERTY_PATTERN: a key, `=`, a quoted or bare value. */
const PROPERTY = /([^,=:*?]+)=("(?:[^\\"]*(?:\\.)?)*"|[^,=:"]*)/y;

export function parseObjectName(objectName: string): {
  domain: string;
  properties: [string, string][];
} {
  const colon = objectName.indexOf(':');
  if (colon <= 0) throw new Error(`not an ObjectName: ${objectName}`);
  const domain = objectName.slice(0, colon);
  let rest = objectName.slice(colon + 1);
  const properties: [string, string][] = [];
  for (;;) {
    PROPERTY.lastIndex = 0;
    const match = PROPERTY.exec(rest);
    if (!match) break;
    properties.push([match[1], match[2]]);
    rest = rest.slice(match[0].length);
    if (rest.startsWith(',')) rest = rest.slice(1);
  }
  if (rest !== '') throw new Error(`cannot read the keys of ${objectName}`);
  return { domain, properties };
}

/** jmx_exporter's toSafeName: runs of unsafe characters and `_` become one `_`. */
export function safeName(name: string): string {
  // A leading digit gets a `_` in front; it then merges with a following unsafe run.
  const prefixed = /^[0-9]/.test(name) ? `_${name}` : name;
  return prefixed.replace(/[^a-zA-Z0-9:]+/g, '_');
}

/**
 * Java's Matcher replacement syntax: `$n` takes as many digits as still name a group,
 * `${name}` a named group, `\x` the character x. An unmatched group gives "".
 */
export function javaReplacement(
  template: string,
  groups: readonly (string | undefined)[],
): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === '\\') {
      i++;
      if (i >= template.length) {
        throw new Error(`character to be escaped is missing: ${template}`);
      }
      out += template[i];
    } else if (c === '$') {
      i++;
      if (i >= template.length || !/[0-9]/.test(template[i])) {
        throw new Error(`illegal group reference in ${template}`);
      }
      let group = Number(template[i]);
      if (group >= groups.length) {
        throw new Error(`no group ${group} for ${template}`);
      }
      while (i + 1 < template.length && /[0-9]/.test(template[i + 1])) {
        const longer = group * 10 + Number(template[i + 1]);
        if (longer >= groups.length) break;
        group = longer;
        i++;
      }
      out += groups[group] ?? '';
    } else {
      out += c;
    }
  }
  return out;
}

/** How Java prints a bean value into the matched string (Double.toString for numbers). */
function javaString(value: AttributeValue): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return `${value}.0`;
  return String(value);
}

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function compile(config: JmxExporterConfig): CompiledRule[] {
  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.has(key)) {
      throw new Error(`the matcher does not model config key ${key}`);
    }
  }
  // No rules at all means one rule that exports everything in the default format.
  const rules = config.rules ?? [{}];
  return rules.map(rule => {
    for (const key of Object.keys(rule)) {
      if (!RULE_KEYS.has(key)) {
        throw new Error(`the matcher does not model rule key ${key}`);
      }
    }
    if ((rule.labels !== undefined || rule.help !== undefined) && !rule.name) {
      throw new Error(
        `Must provide name, if help or labels are given: ${JSON.stringify(
          rule,
        )}`,
      );
    }
    if (rule.name !== undefined && rule.pattern === undefined) {
      throw new Error(
        `Must provide pattern, if name is given: ${JSON.stringify(rule)}`,
      );
    }
    return {
      rule,
      regex:
        rule.pattern === undefined
          ? undefined
          : new RegExp(`^.*(?:${rule.pattern}).*$`),
    };
  });
}

function numericValue(
  value: AttributeValue,
  factor: number,
): number | undefined {
  if (typeof value === 'number') return value * factor;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** Every sample the exporter would publish for these MBeans under this config. */
export function applyRules(
  config: JmxExporterConfig,
  mbeans: readonly MBean[],
): Sample[] {
  const rules = compile(config);
  const samples: Sample[] = [];
  for (const mbean of mbeans) {
    const { domain, properties } = parseObjectName(mbean.objectName);
    const beanName = `${domain}<${properties
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}><>`;
    for (const [attribute, beanValue] of Object.entries(mbean.attributes)) {
      const sample = applyToAttribute(
        config,
        rules,
        { domain, properties, beanName },
        attribute,
        beanValue,
      );
      if (sample) {
        samples.push({ ...sample, source: `${mbean.objectName} ${attribute}` });
      }
    }
  }
  return samples;
}

function applyToAttribute(
  config: JmxExporterConfig,
  rules: CompiledRule[],
  bean: { domain: string; properties: [string, string][]; beanName: string },
  attribute: string,
  beanValue: AttributeValue,
): Omit<Sample, 'source'> | undefined {
  for (const { rule, regex } of rules) {
    const attributeName = rule.attrNameSnakeCase
      ? snakeCase(attribute)
      : attribute;
    const matchValue = rule.cache ? '<cache>' : javaString(beanValue);
    let groups: (string | undefined)[] = [];
    if (regex) {
      const match = regex.exec(
        `${bean.beanName}${attributeName}: ${matchValue}`,
      );
      if (!match) continue;
      groups = [...match];
    }
    const factor = rule.valueFactor ?? 1;
    let value: number | undefined;
    if (rule.value !== undefined && String(rule.value) !== '') {
      value = Number(javaReplacement(String(rule.value), groups));
      if (Number.isNaN(value)) return undefined;
      value *= factor;
    } else {
      value = numericValue(beanValue, factor);
    }
    // The first matching rule decides; a value the exporter cannot publish drops the attribute.
    if (value === undefined) return undefined;
    if (rule.name === undefined) {
      return defaultExport(config, bean, attributeName, rule, value);
    }
    let name = safeName(javaReplacement(rule.name, groups));
    if (name === '') return undefined;
    if (config.lowercaseOutputName) name = name.toLowerCase();
    const labels: Record<string, string> = {};
    // jmx_exporter reads the labels into a TreeMap: sorted by their (unreplaced) names.
    for (const key of Object.keys(rule.labels ?? {}).sort()) {
      let labelName = safeName(javaReplacement(key, groups));
      const labelValue = javaReplacement(rule.labels![key], groups);
      if (config.lowercaseOutputLabelNames) {
        labelName = labelName.toLowerCase();
      }
      if (labelName !== '' && labelValue !== '') {
        labels[labelName] = labelValue;
      }
    }
    return { name, labels, type: rule.type ?? 'UNTYPED', value };
  }
  return undefined;
}

function defaultExport(
  config: JmxExporterConfig,
  bean: { domain: string; properties: [string, string][] },
  attributeName: string,
  rule: JmxRule,
  value: number,
): Omit<Sample, 'source'> {
  const [first, ...others] = bean.properties;
  const parts = [bean.domain, ...(first ? [first[1]] : []), attributeName];
  let name = safeName(parts.join('_'));
  if (config.lowercaseOutputName) name = name.toLowerCase();
  const labels: Record<string, string> = {};
  for (const [key, keyValue] of others) {
    let labelName = safeName(key);
    if (config.lowercaseOutputLabelNames) labelName = labelName.toLowerCase();
    labels[labelName] = keyValue;
  }
  return { name, labels, type: rule.type ?? 'UNTYPED', value };
}
