import { extractSchemaFromStep } from '@backstage/plugin-scaffolder-react/alpha';
import { loadTemplate } from '@connect-skeleton/integration-tests/src/scaffolder/templateFile';
import { ExtractSchema, valuesPages } from './valuesPages';

const STEPS = loadTemplate().spec.parameters.map(step => ({
  title: String(step.title),
  schema: step,
}));
const extract = extractSchemaFromStep as unknown as ExtractSchema;

describe('valuesPages', () => {
  const pages = valuesPages(STEPS, extract, { allowIdentityChange: false });
  const page = (title: string) => pages.find(p => p.title === title)!;

  it('keeps the pages with values fields, their fields only, without the release', () => {
    expect(pages.map(p => p.title)).not.toContain('Destination');
    expect(pages.length).toBe(STEPS.length - 1);
    const first = page('Cluster and owner');
    expect(first.fields).toContain('replicas');
    expect(first.fields).not.toContain('strimzi');
    expect(Object.keys(first.schema.properties as object)).toEqual(
      first.fields,
    );
    expect(first.schema.title).toBeUndefined();
    // The page keeps its live preview.
    expect(first.uiSchema['ui:field']).toBe('KafkaConnectPreviewLayout');
  });

  it('makes name and namespace read-only, and the group and topics until the change is meant', () => {
    const first = page('Cluster and owner');
    expect(first.uiSchema.name).toMatchObject({ 'ui:readonly': true });
    expect(first.uiSchema.namespace).toMatchObject({ 'ui:readonly': true });
    expect(first.uiSchema.owner).toMatchObject({
      'ui:field': 'MyGroupsPicker',
    });
    expect(first.uiSchema.owner).not.toHaveProperty('ui:readonly');
    // The owner is not required here: MyGroupsPicker would pick one by itself.
    expect(first.schema.required).not.toContain('owner');
    expect(first.schema.required).toContain('name');

    const connect = page('Kafka connection').uiSchema.connect as Record<
      string,
      Record<string, unknown>
    >;
    for (const key of [
      'groupId',
      'offsetStorageTopic',
      'configStorageTopic',
      'statusStorageTopic',
    ])
      expect(connect[key]['ui:readonly']).toBe(true);
    expect(connect.config).toMatchObject({
      'ui:field': 'KafkaConnectKeyValue',
    });
    expect(connect.replicationFactor?.['ui:readonly']).toBeUndefined();

    const meant = valuesPages(STEPS, extract, { allowIdentityChange: true });
    const meantConnect = meant.find(p => p.title === 'Kafka connection')!
      .uiSchema.connect as Record<string, Record<string, unknown>> | undefined;
    expect(meantConnect?.groupId?.['ui:readonly']).toBeUndefined();
    expect(
      meant.find(p => p.title === 'Cluster and owner')!.uiSchema.name,
    ).toMatchObject({ 'ui:readonly': true });
  });

  it('leaves the template it was given as it was', () => {
    const before = JSON.stringify(STEPS);
    valuesPages(STEPS, extract, { allowIdentityChange: false });
    expect(JSON.stringify(STEPS)).toBe(before);
  });
});
