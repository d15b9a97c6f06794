import defaultFeature, { kafkaConnectScaffolderFormModule } from '../index';
import { plainErrors } from '../preview/plainErrors';
import { plainErrorsFormProps } from './PlainErrorsWizard';

/** The extension ids a frontend module installs (its resolved extensions). */
function extensionIds(feature: unknown): string[] {
  return (feature as { extensions: { id: string }[] }).extensions.map(
    e => e.id,
  );
}

describe('the opt-in scaffolder form module', () => {
  it("replaces the scaffolder's templates page, and nothing else", () => {
    expect(kafkaConnectScaffolderFormModule.pluginId).toBe('scaffolder');
    expect(extensionIds(kafkaConnectScaffolderFormModule)).toEqual([
      'sub-page:scaffolder/templates',
    ]);
  });

  it('is not what app.packages discovery installs (the default export)', () => {
    expect(defaultFeature).not.toBe(kafkaConnectScaffolderFormModule);
    expect(extensionIds(defaultFeature)).not.toContain(
      'sub-page:scaffolder/templates',
    );
  });

  it('gives the form no banner of schema messages and the plain wording', () => {
    expect(plainErrorsFormProps).toEqual({
      showErrorList: false,
      transformErrors: plainErrors,
    });
  });
});
