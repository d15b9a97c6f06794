import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { kafkaConnectFormFields } from './module';
import { FIELDS } from './fields/fieldNames';

describe('the scaffolder module', () => {
  it('gives each documented ui:field name one form field, attached to the scaffolder form fields', async () => {
    const names: string[] = [];
    for (const extension of kafkaConnectFormFields) {
      // One extension at a time: the tester takes one definition type.
      const one = extension as (typeof kafkaConnectFormFields)[number] as any;
      const loader: () => Promise<unknown> = createExtensionTester(one).get(
        FormFieldBlueprint.dataRefs.formFieldLoader,
      );
      const field = (await loader()) as unknown as {
        name: string;
        component: unknown;
      };
      expect(typeof field.component).toBe('function');
      names.push(field.name);
    }
    expect(names.sort()).toEqual(Object.keys(FIELDS).sort());
    expect(kafkaConnectFormFields.map(e => String(e))).toEqual(
      kafkaConnectFormFields.map(() =>
        expect.stringContaining('scaffolder-form-field'),
      ),
    );
  });
});
