import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { PreviewPanel } from '../components/PreviewPanel';
import { wholeForm } from './fieldContext';

/**
 * The preview as a field of its own, for a page that shows only it (a last "Preview" page
 * before Review). It writes no value: put it on a property the template does not pass on.
 */
export function PreviewField(props: FieldExtensionComponentProps<undefined>) {
  const file = props.uiSchema?.['ui:options']?.previewFile;
  return (
    <PreviewPanel
      form={wholeForm(props)}
      title={props.schema?.title}
      initialFile={typeof file === 'string' ? file : undefined}
    />
  );
}
