import { fireEvent, screen } from '@testing-library/react';
import { KeyValueEditor } from './KeyValueEditor';
import { renderField } from '../__testUtils__/renderField';
import { typeInto } from '../__testUtils__/typeInto';

describe('KeyValueEditor', () => {
  it('starts with no row at all and writes nothing', () => {
    const field = renderField(KeyValueEditor, { path: ['labels'] });
    expect(screen.queryByLabelText('Key')).not.toBeInTheDocument();
    expect(field.value()).toBeUndefined();
  });

  it('an added row writes nothing until it has a key', () => {
    const field = renderField(KeyValueEditor, { path: ['labels'] });
    fireEvent.click(screen.getByText('Add'));
    expect(screen.getByLabelText('Key')).toHaveValue('');
    expect(field.changes).toEqual([]);
    typeInto('root_labels_0_value', 'data');
    expect(field.value()).toBeUndefined();
    typeInto('root_labels_0_key', 'team');
    expect(field.value()).toEqual({ team: 'data' });
  });

  it('names a key given twice and leaves the second out', () => {
    const field = renderField(KeyValueEditor, {
      path: ['labels'],
      form: { labels: { team: 'data' } },
    });
    fireEvent.click(screen.getByText('Add'));
    typeInto('root_labels_1_key', 'team');
    typeInto('root_labels_1_value', 'other');
    expect(
      screen.getByText(/"team" is given above already/),
    ).toBeInTheDocument();
    expect(field.value()).toEqual({ team: 'data' });
  });

  it('keeps a non-string setting as given until it is edited', () => {
    const field = renderField(KeyValueEditor, {
      path: ['connect', 'config'],
      form: {
        connect: { config: { 'value.converter.schemas.enable': false } },
      },
    });
    typeInto('root_connect_config_0_key', 'key.converter.schemas.enable');
    expect(field.value()).toEqual({ 'key.converter.schemas.enable': false });
    typeInto('root_connect_config_0_value', 'true');
    expect(field.value()).toEqual({ 'key.converter.schemas.enable': 'true' });
  });

  it('shows the problem of a key beside its row', () => {
    renderField(KeyValueEditor, {
      path: ['labels'],
      form: {
        name: 'orders',
        namespace: 'data',
        owner: 'group:default/data',
        kafka: { bootstrapServers: 'kafka:9092' },
        labels: { 'strimzi.io/cluster': 'x' },
      },
    });
    expect(
      screen.getByText(/strimzi\.io/, { selector: 'p' }),
    ).toBeInTheDocument();
  });

  it('takes a change made elsewhere', () => {
    const field = renderField(KeyValueEditor, {
      path: ['labels'],
      form: { labels: { a: '1' } },
    });
    fireEvent.click(screen.getByLabelText('Remove a'));
    expect(field.value()).toBeUndefined();
  });
});
