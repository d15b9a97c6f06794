import { hasPreviewPages } from './ReviewWithPreview';

const page = (uiField?: string) => ({
  schema: {},
  mergedSchema: {},
  uiSchema: uiField ? { 'ui:field': uiField } : {},
});

describe('hasPreviewPages', () => {
  it('is true for a template whose pages carry the live preview', () => {
    expect(
      hasPreviewPages([page(), page('KafkaConnectPreviewLayout'), page()]),
    ).toBe(true);
  });

  it('is false for any other template', () => {
    expect(hasPreviewPages([page(), page('KafkaConnectClusterChange')])).toBe(
      false,
    );
    expect(hasPreviewPages([])).toBe(false);
  });
});
