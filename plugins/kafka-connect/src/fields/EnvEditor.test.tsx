import { fireEvent, screen } from '@testing-library/react';
import { EnvEditor } from './EnvEditor';
import { renderClusterField } from '../__testUtils__/renderClusterField';
import { choose } from '../__testUtils__/select';
import { typeInto } from '../__testUtils__/typeInto';

describe('EnvEditor', () => {
  it('starts empty and writes nothing until a variable is added', () => {
    const field = renderClusterField(EnvEditor, 'env');
    expect(screen.queryByLabelText('Name')).not.toBeInTheDocument();
    expect(field.value()).toBeUndefined();
  });

  it('writes a plain value as {name, value}', () => {
    const field = renderClusterField(EnvEditor, 'env');
    fireEvent.click(screen.getByText('Add a variable'));
    typeInto('root_env_0_name', 'TZ');
    typeInto('root_env_0_value', 'UTC');
    expect(field.value()).toEqual([{ name: 'TZ', value: 'UTC' }]);
  });

  it('switches to a Secret key and back without stale keys', () => {
    const field = renderClusterField(EnvEditor, 'env', {
      env: [{ name: 'DB_PASSWORD', value: 'x' }],
    });
    choose('root_env_0_source', 'Key of a Secret');
    typeInto('root_env_0_refName', 'orders-db');
    typeInto('root_env_0_refKey', 'password');
    expect(field.value()).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'orders-db', key: 'password' } },
      },
    ]);
    choose('root_env_0_source', 'Key of a ConfigMap');
    expect(field.value()).toEqual([
      {
        name: 'DB_PASSWORD',
        valueFrom: { configMapKeyRef: { name: 'orders-db', key: 'password' } },
      },
    ]);
    choose('root_env_0_source', 'Plain value');
    expect(JSON.parse(JSON.stringify(field.value()))).toEqual([
      { name: 'DB_PASSWORD', value: '' },
    ]);
  });

  it('marks an optional reference only when asked', () => {
    const field = renderClusterField(EnvEditor, 'env', {
      env: [
        {
          name: 'H',
          valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } },
        },
      ],
    });
    fireEvent.click(document.getElementById('root_env_0_optional')!);
    expect(field.value()).toEqual([
      {
        name: 'H',
        valueFrom: { configMapKeyRef: { name: 'c', key: 'k', optional: true } },
      },
    ]);
  });

  it("shows the common checks' problem beside the variable", () => {
    renderClusterField(EnvEditor, 'env', {
      env: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
    });
    // Under the value it is about, in the common checks' words.
    expect(
      document.getElementById('root_env_0_value-helper-text'),
    ).toHaveTextContent(/use valueFrom\.secretKeyRef with a Secret/);
  });

  it('removes a variable, and writes nothing when none is left', () => {
    const field = renderClusterField(EnvEditor, 'env', {
      env: [{ name: 'TZ', value: 'UTC' }],
    });
    fireEvent.click(screen.getByLabelText('Remove TZ'));
    expect(field.value()).toBeUndefined();
  });
});
