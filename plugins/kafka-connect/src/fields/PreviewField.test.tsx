import { fireEvent, screen } from '@testing-library/react';
import { PreviewField } from './PreviewField';
import { renderField } from '../__testUtils__/renderField';
import { KeyValueEditor } from './KeyValueEditor';

const FORM = {
  name: 'orders',
  namespace: 'data',
  owner: 'group:default/data',
  kafka: { bootstrapServers: 'kafka:9092' },
  description: 'Orders into the warehouse',
};

describe('PreviewField', () => {
  it('shows the files of the whole form, opening the file asked for, and writes no value', () => {
    const field = renderField(PreviewField, {
      path: ['preview'],
      form: FORM,
      uiOptions: { previewFile: 'catalog-info.yaml' },
    });
    expect(screen.getByText('ready to create')).toBeInTheDocument();
    expect(
      screen.getByLabelText('Contents of catalog-info.yaml').textContent,
    ).toContain('description: Orders into the warehouse');
    expect(field.changes).toEqual([]);
    expect(field.value()).toBeUndefined();
  });

  it('follows the form as another field changes it', () => {
    // A key/value field and the preview share one form, as on a scaffolder page.
    const labels = renderField(KeyValueEditor, {
      path: ['labels'],
      form: FORM,
    });
    fireEvent.click(screen.getByText('Add'));
    fireEvent.change(document.getElementById('root_labels_0_key')!, {
      target: { value: 'strimzi.io/cluster' },
    });
    labels.unmount();
    renderField(PreviewField, { path: ['preview'], form: labels.latest() });
    expect(screen.getByText('1 problem')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Problems' })).toHaveTextContent(
      'Labels › strimzi.io/cluster: Strimzi refuses labels starting with strimzi.io/',
    );
  });
});
