import { useCallback, useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { FormField } from '@backstage/plugin-scaffolder-react/alpha';
import { Workflow } from '@backstage/plugin-scaffolder-react/alpha';
import {
  FieldExtensionOptions,
  FormProps,
  scaffolderApiRef,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import { rootRouteRef } from '@backstage/plugin-scaffolder';
import { JsonValue } from '@backstage/types';
import { plainErrors } from '../preview/plainErrors';
import { ReviewWithPreview } from './ReviewWithPreview';

/**
 * The form's options: no banner listing the schema validator's messages above the page
 * (each field shows its own message), and those messages in plain words. `showErrorList`
 * is a prop of RJSF's Form that the scaffolder passes on but leaves out of its type.
 */
export const plainErrorsFormProps = {
  showErrorList: false,
  transformErrors: plainErrors,
} as FormProps;

/**
 * The scaffolder's template wizard (its TemplateWizardPageContent) with the form options
 * above and a Review step with the live preview: the new frontend system's templates page
 * hands the wizard neither form options nor a Review step.
 * It does not run form decorators (`EXPERIMENTAL_formDecorators` of a template), so a
 * template that uses them does not get them here.
 */
export function PlainErrorsWizard(props: { formFields: FormField[] }) {
  const { namespace = 'default', templateName = '' } = useParams();
  const rootLink = useRouteRef(rootRouteRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const { secrets } = useTemplateSecrets();
  const navigate = useNavigate();
  const [isCreating, setIsCreating] = useState(false);

  const onCreate = useCallback(
    async (values: Record<string, JsonValue>) => {
      if (isCreating) return;
      setIsCreating(true);
      const { taskId } = await scaffolderApi.scaffold({
        templateRef: `template:${namespace}/${templateName}`,
        values,
        secrets,
      });
      navigate(`${rootLink()}/tasks/${encodeURIComponent(taskId)}`);
    },
    [
      isCreating,
      namespace,
      navigate,
      rootLink,
      scaffolderApi,
      secrets,
      templateName,
    ],
  );
  const onError = useCallback(() => <Navigate to={rootLink()} />, [rootLink]);

  return (
    <>
      {isCreating && <Progress />}
      <Workflow
        namespace={namespace}
        templateName={templateName}
        onCreate={onCreate}
        onError={onError}
        // A form field is its own extension options (name, component, validation, schema).
        extensions={props.formFields as unknown as FieldExtensionOptions[]}
        formProps={plainErrorsFormProps}
        components={{ ReviewStepComponent: ReviewWithPreview }}
      />
    </>
  );
}

/** The wizard once the scaffolder's form fields (the ones extensions add too) are loaded. */
export function WizardWithFields(props: {
  load: () => Promise<FormField[]> | undefined;
}) {
  const { load } = props;
  const [formFields, setFormFields] = useState<FormField[]>();
  useEffect(() => {
    let live = true;
    Promise.resolve(load()).then(fields => {
      if (live) setFormFields(fields ?? []);
    });
    return () => {
      live = false;
    };
  }, [load]);
  return formFields ? (
    <PlainErrorsWizard formFields={formFields} />
  ) : (
    <Progress />
  );
}
