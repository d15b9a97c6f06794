import { Route, Routes } from 'react-router-dom';
import {
  coreExtensionData,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { SecretsContextProvider } from '@backstage/plugin-scaffolder-react';
import { formFieldsApiRef } from '@backstage/plugin-scaffolder-react/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import { WizardWithFields } from './PlainErrorsWizard';

const templatesSubPage = scaffolderPlugin.getExtension(
  'sub-page:scaffolder/templates',
);

/**
 * The scaffolder's templates page with the template wizard replaced by one whose form
 * shows each error in plain words next to its field and no banner of schema messages, and
 * whose Review step is the ReviewTable (with the live preview for the cluster form). The
 * list of templates stays the scaffolder's own. Opt-in, not the package's default export:
 * it changes the wizard of every template in the portal.
 */
export const kafkaConnectScaffolderFormModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    templatesSubPage.override({
      *factory(originalFactory, { apis }) {
        const original = originalFactory();
        const formFieldsApi = apis.get(formFieldsApiRef);
        const load = () => formFieldsApi?.loadFormFields();
        for (const output of original) {
          if (output.id !== coreExtensionData.reactElement.id) yield output;
        }
        const list = original.get(coreExtensionData.reactElement);
        yield coreExtensionData.reactElement(
          <Routes>
            <Route
              path=":namespace/:templateName"
              element={
                <SecretsContextProvider>
                  <WizardWithFields load={load} />
                </SecretsContextProvider>
              }
            />
            <Route path="*" element={list} />
          </Routes>,
        );
      },
    }),
  ],
});
