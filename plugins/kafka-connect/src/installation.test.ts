import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { kafkaConnectFormFields } from './module';
import { FIELDS } from './fields/fieldNames';

/**
 * The module's fields beside the scaffolder plugin of the new frontend system: they attach
 * to its form-fields API (the one the template wizard reads), which serves them by name.
 */
describe('installed beside the scaffolder plugin', () => {
  it("reach the scaffolder's form-fields API under their ui:field names", async () => {
    const formFieldsApi = scaffolderPlugin.getExtension(
      'api:scaffolder/form-fields',
    );
    let tester = createExtensionTester(formFieldsApi as any);
    for (const field of kafkaConnectFormFields)
      tester = tester.add(field as any);
    const factory = tester.get(ApiBlueprint.dataRefs.factory as any) as any;
    const api = factory.factory({
      // No page fields in this app: the API's own input is all there is.
      appTreeApi: { getTree: () => ({ tree: { nodes: new Map() } }) },
    });
    const fields = (await api.loadFormFields()) as { name: string }[];
    expect(fields.map(f => f.name).sort()).toEqual(Object.keys(FIELDS).sort());
  });
});
