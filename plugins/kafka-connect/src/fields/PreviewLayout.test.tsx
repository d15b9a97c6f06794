import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import validator from '@rjsf/validator-ajv8';
import { Form } from '@backstage/plugin-scaffolder-react/alpha';
import { PreviewLayout } from './PreviewLayout';
import { KeyValueEditor } from './KeyValueEditor';
import { choose } from '../__testUtils__/select';

const SCHEMA = {
  type: 'object' as const,
  properties: {
    name: { type: 'string' as const, title: 'Cluster name' },
    namespace: { type: 'string' as const, title: 'Namespace' },
    labels: {
      type: 'object' as const,
      title: 'Labels',
      additionalProperties: { type: 'string' as const },
    },
  },
};

/** The Kafka connection page, trimmed: its section holds objects RJSF fills with defaults. */
const KAFKA_SCHEMA = {
  type: 'object' as const,
  properties: {
    kafka: {
      type: 'object' as const,
      title: 'Kafka',
      properties: {
        bootstrapServers: {
          type: 'string' as const,
          title: 'Bootstrap servers',
        },
        tls: {
          type: 'object' as const,
          title: 'TLS',
          properties: {
            trustedCertificates: {
              type: 'array' as const,
              items: { type: 'object' as const },
            },
          },
        },
      },
    },
  },
};

/** The page as the scaffolder's stepper renders it: the whole state in formContext. */
function Page(props: {
  initial: Record<string, unknown>;
  schema?: typeof SCHEMA | typeof KAFKA_SCHEMA;
}) {
  const [state, setState] = useState(props.initial);
  return (
    <Form
      validator={validator}
      schema={props.schema ?? SCHEMA}
      uiSchema={{
        'ui:field': 'KafkaConnectPreviewLayout',
        labels: { 'ui:field': 'KafkaConnectKeyValue' },
      }}
      formData={state}
      formContext={{ formData: state }}
      fields={{
        KafkaConnectPreviewLayout: PreviewLayout as any,
        KafkaConnectKeyValue: KeyValueEditor as any,
      }}
      onChange={e => setState(current => ({ ...current, ...e.formData }))}
    />
  );
}

const OTHER_PAGES = {
  owner: 'group:default/data',
  kafka: { bootstrapServers: 'kafka:9092' },
};

describe('PreviewLayout', () => {
  it("renders the page's own fields beside the preview", () => {
    render(
      <Page initial={{ ...OTHER_PAGES, name: 'orders', namespace: 'data' }} />,
    );
    expect(screen.getByLabelText('Cluster name')).toHaveValue('orders');
    expect(screen.getByText('ready to create')).toBeInTheDocument();
    choose('kafka-connect-preview-file', 'catalog-info.yaml');
    expect(
      screen.getByLabelText('Contents of catalog-info.yaml'),
    ).toBeInTheDocument();
  });

  it('shows a problem under the field as the developer types, and the preview follows', () => {
    render(
      <Page initial={{ ...OTHER_PAGES, name: 'orders', namespace: 'data' }} />,
    );
    fireEvent.change(screen.getByLabelText('Cluster name'), {
      target: { value: 'Orders_1' },
    });
    expect(screen.getByText('1 problem')).toBeInTheDocument();
    // Under the field, in RJSF's own error place, and in the preview's list.
    const underField = document.getElementById('root_name__error');
    expect(underField).toHaveTextContent(/^must be a DNS-1123 label/);
    expect(screen.getByRole('list', { name: 'Problems' })).toHaveTextContent(
      `Name: ${underField!.textContent}`,
    );
    fireEvent.change(screen.getByLabelText('Cluster name'), {
      target: { value: 'orders-v2' },
    });
    expect(screen.getByText('ready to create')).toBeInTheDocument();
    choose('kafka-connect-preview-file', 'catalog-info.yaml');
    expect(
      screen.getByLabelText('Contents of catalog-info.yaml').textContent,
    ).toContain('orders-v2');
  });

  it('names a section not filled in yet as still to fill in, not in red on the page', () => {
    render(
      <Page
        schema={KAFKA_SCHEMA}
        initial={{
          name: 'orders',
          namespace: 'data',
          owner: 'group:default/data',
        }}
      />,
    );
    // RJSF has given the section its empty defaults: it is there, but holds nothing yet.
    expect(screen.getByLabelText('Bootstrap servers')).toHaveValue('');
    expect(screen.queryAllByRole('alert')).toEqual([]);
    expect(document.querySelector('.Mui-error')).toBeNull();
    expect(screen.getByText(/Still to fill in: kafka/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Bootstrap servers'), {
      target: { value: 'kafka:9092' },
    });
    expect(screen.getByText('ready to create')).toBeInTheDocument();
  });

  it('leaves a field extension to show its own problems', () => {
    render(
      <Page
        initial={{
          ...OTHER_PAGES,
          name: 'orders',
          namespace: 'data',
          labels: { 'strimzi.io/cluster': 'x' },
        }}
      />,
    );
    // Once, beside the row of the key/value editor (and once in the preview's list).
    expect(
      screen.getAllByText(/Strimzi refuses labels starting with strimzi\.io\//),
    ).toHaveLength(2);
  });
});
