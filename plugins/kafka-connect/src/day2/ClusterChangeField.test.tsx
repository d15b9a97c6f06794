import { useState } from 'react';
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import validator from '@rjsf/validator-ajv8';
import { parse } from 'yaml';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { Form } from '@backstage/plugin-scaffolder-react/alpha';
import { loadTemplate } from '@connect-skeleton/integration-tests/src/scaffolder/templateFile';
import { PreviewLayout } from '../fields/PreviewLayout';
import { KeyValueEditor } from '../fields/KeyValueEditor';
import {
  backendDiscovery,
  ORDERS_CHANGE_BRANCH,
  ORDERS_ENTITY,
  ordersConnectCluster,
  ReadClusterExtras,
  readClusterResponse,
} from '../__testUtils__/clusterBackend';
import { ClusterChangeField } from './ClusterChangeField';
import { validateClusterChange } from './changeValidation';

/** The cluster template's form, as the scaffolder serves it to the change form. */
const CREATE_STEPS = loadTemplate().spec.parameters.map(step => ({
  title: String(step.title),
  schema: step,
}));

const ENTITY = ORDERS_ENTITY;
const CURRENT = ordersConnectCluster({ replicas: 3 });

/**
 * The backend: the values for a member (with what it says of the change branch, `extras`),
 * the ownership refusal for anyone else.
 */
function backend(refuse?: string, extras?: ReadClusterExtras) {
  const requests: string[] = [];
  const fetchApi = {
    fetch: async (url: RequestInfo | URL) => {
      requests.push(String(url));
      if (refuse)
        return new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: refuse },
          }),
          { status: 403 },
        );
      return readClusterResponse(CURRENT, extras);
    },
  };
  const discoveryApi = backendDiscovery;
  const scaffolderApi = {
    getTemplateParameterSchema: async () => ({
      title: 'Kafka Connect cluster',
      steps: CREATE_STEPS,
    }),
  };
  return { requests, fetchApi, discoveryApi, scaffolderApi };
}

const SCHEMA = {
  type: 'object' as const,
  properties: {
    cluster: { type: 'string' as const },
    changes: { type: 'string' as const },
    allowIdentityChange: { type: 'boolean' as const, title: 'Identity' },
  },
};

/** Made once, as the stepper memoises them: new field components each render would remount. */
const FIELDS = {
  KafkaConnectClusterChange: ClusterChangeField as any,
  KafkaConnectPreviewLayout: PreviewLayout as any,
  KafkaConnectKeyValue: KeyValueEditor as any,
};

/** The change template's second page as the stepper renders it, the whole state in formContext. */
function ChangePage(props: {
  initial: Record<string, unknown>;
  onState: (state: Record<string, unknown>) => void;
}) {
  const [state, setState] = useState(props.initial);
  props.onState(state);
  return (
    <Form
      validator={validator}
      schema={SCHEMA}
      uiSchema={{ changes: { 'ui:field': 'KafkaConnectClusterChange' } }}
      formData={state}
      formContext={{ formData: state }}
      fields={FIELDS}
      onChange={e => setState(current => ({ ...current, ...e.formData }))}
    />
  );
}

function renderPage(
  initial: Record<string, unknown>,
  refuse?: string,
  extras?: ReadClusterExtras,
) {
  const apis = backend(refuse, extras);
  let state: Record<string, unknown> = initial;
  render(
    <TestApiProvider
      apis={[
        [discoveryApiRef, apis.discoveryApi],
        [fetchApiRef, apis.fetchApi],
        [scaffolderApiRef, apis.scaffolderApi as any],
      ]}
    >
      <ChangePage initial={initial} onState={s => (state = s)} />
    </TestApiProvider>,
  );
  return { apis, state: () => state };
}

describe('KafkaConnectClusterChange', () => {
  it("shows the cluster's values in the cluster form's pages, and sends nothing while nothing changes", async () => {
    const page = renderPage({ cluster: ENTITY });
    const replicas = await screen.findByLabelText('Replicas');
    expect(replicas).toHaveValue(3);
    expect(page.apis.requests).toEqual([
      `http://backend/api/kafka-connect/clusters/values?entityRef=${encodeURIComponent(
        ENTITY,
      )}`,
    ]);
    // The sections of the cluster form with values fields, not its Destination page.
    const tabs = within(
      screen.getByRole('tablist', { name: "Sections of the cluster's values" }),
    )
      .getAllByRole('tab')
      .map(t => t.textContent);
    expect(tabs[0]).toBe('Cluster and owner');
    expect(tabs).toContain('Kafka connection');
    expect(tabs).not.toContain('Destination');
    expect(screen.getByLabelText(/^Cluster name/)).toHaveValue('orders');
    // Read-only: the form's theme draws a read-only input disabled.
    expect(screen.getByLabelText(/^Cluster name/)).toBeDisabled();
    expect(screen.getByLabelText(/^Kubernetes namespace/)).toBeDisabled();
    // The release moves through the template's own "Strimzi release", not here.
    expect(screen.queryByLabelText('Strimzi release')).toBeNull();
    expect(
      within(screen.getByTestId('cluster-change-summary')).getByText(
        /Nothing yet/,
      ),
    ).toBeInTheDocument();
    expect(page.state().changes).toBeUndefined();
    // No change pending on the cluster's branch: no notice.
    expect(screen.queryByTestId('pending-change-notice')).toBeNull();
    expect(screen.queryByText(/pending/i)).toBeNull();
  });

  it("says, above the values, that the change replaces one still pending on the cluster's branch, and what to do to keep it", async () => {
    // Another cluster ref: the field shows a cluster read before at once, before reading it again.
    const page = renderPage(
      { cluster: 'resource:default/orders-pending' },
      undefined,
      {
        pending: {
          branch: ORDERS_CHANGE_BRANCH,
          files: ['Chart.yaml', 'connect-cluster.yaml', 'values.yaml'],
        },
      },
    );
    const notice = await screen.findByTestId('pending-change-notice');
    expect(notice).toHaveTextContent(
      'A change of this cluster is not merged yet',
    );
    expect(notice).toHaveTextContent(
      `An earlier change of the cluster is pending (on branch ${ORDERS_CHANGE_BRANCH}, 3 files in clusters/orders). This change replaces it: it is made from the default branch, and the branch will then hold this change only.`,
    );
    expect(notice).toHaveTextContent(
      'To keep it, merge it first and start this change again, or make its changes here too.',
    );
    // Information, not a refusal: the values are there to change, and the change is sent.
    fireEvent.change(screen.getByLabelText('Replicas'), {
      target: { value: '4' },
    });
    expect(parse(page.state().changes as string)).toEqual({ replicas: 4 });
    expect(
      within(notice).queryByRole('button', { name: /create/i }),
    ).toBeNull();
  });

  it('names the pull request or merge request a pending change is in', async () => {
    renderPage({ cluster: 'resource:default/orders-github' }, undefined, {
      destination: 'github',
      pending: { branch: ORDERS_CHANGE_BRANCH, files: ['values.yaml'] },
    });
    expect(
      await screen.findByTestId('pending-change-notice'),
    ).toHaveTextContent(
      `pending (its pull request, from branch ${ORDERS_CHANGE_BRANCH}, 1 file in clusters/orders). This change replaces it: it is made from the default branch, and the branch and its pull request will then hold this change only.`,
    );
  });

  it('says so when the backend did not check the branch', async () => {
    renderPage({ cluster: 'resource:default/orders-unchecked' }, undefined, {
      pendingNotChecked:
        'Whether a change of the cluster is pending on branch x was not checked: no token',
    });
    expect(
      await screen.findByTestId('pending-change-not-checked'),
    ).toHaveTextContent('was not checked: no token');
    expect(screen.queryByTestId('pending-change-notice')).toBeNull();
  });

  it('sends the fields that change, as the change action takes them, and says the change in words', async () => {
    const page = renderPage({ cluster: ENTITY });
    fireEvent.change(await screen.findByLabelText('Replicas'), {
      target: { value: '5' },
    });
    expect(page.state().changes).toBe(
      `# The fields of connect-cluster.yaml that change, for ${ENTITY}\nreplicas: 5\n`,
    );
    expect(screen.getByTestId('cluster-change-summary')).toHaveTextContent(
      'replicas: 3 → 5',
    );
    // Back to the value read: no change again.
    fireEvent.change(screen.getByLabelText('Replicas'), {
      target: { value: '3' },
    });
    expect(page.state().changes).toBe('');
    // A section on another tab keeps the change made on the first.
    fireEvent.change(screen.getByLabelText('Replicas'), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Kafka connection' }));
    fireEvent.change(await screen.findByLabelText(/^Bootstrap servers/), {
      target: { value: 'kafka-2:9093' },
    });
    expect(parse(page.state().changes as string)).toEqual({
      replicas: 2,
      kafka: { bootstrapServers: 'kafka-2:9093' },
    });
  });

  it('keeps the group and storage topics read-only until the form says they are meant to change', async () => {
    renderPage({ cluster: ENTITY });
    fireEvent.click(
      await screen.findByRole('tab', { name: 'Kafka connection' }),
    );
    const group = await screen.findByDisplayValue('streaming.orders');
    expect(group).toBeDisabled();
    fireEvent.click(screen.getByLabelText('Identity'));
    await waitFor(() =>
      expect(screen.getByDisplayValue('streaming.orders')).toBeEnabled(),
    );
  });

  it("says why a cluster cannot be changed, in the backend's words", async () => {
    renderPage(
      { cluster: ENTITY },
      'The Kafka Connect cluster orders is owned by group:default/data-platform, and user:default/alice is not a member',
    );
    expect(
      await screen.findByText(/user:default\/alice is not a member/),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Replicas')).toBeNull();
  });

  it('throws away a change made for another cluster chosen before', async () => {
    const page = renderPage({
      cluster: ENTITY,
      changes:
        '# The fields of connect-cluster.yaml that change, for resource:default/other\nreplicas: 9\n',
    });
    expect(await screen.findByLabelText('Replicas')).toHaveValue(3);
    await waitFor(() => expect(page.state().changes).toBeUndefined());
  });
});

describe('the validator of KafkaConnectClusterChange', () => {
  async function validate(
    value: unknown,
    form: Record<string, unknown>,
    refuse?: string,
  ) {
    const apis = backend(refuse);
    const errors: string[] = [];
    await act(() =>
      validateClusterChange(
        value,
        { addError: message => errors.push(message) },
        {
          apiHolder: {
            get: ((ref: { id: string }) =>
              ({
                [discoveryApiRef.id]: apis.discoveryApi,
                [fetchApiRef.id]: apis.fetchApi,
              }[ref.id])) as any,
          },
          formData: form,
        },
      ),
    );
    return errors;
  }

  it('stops Next where the change action would stop: the group changed by accident', async () => {
    const groupChange = 'connect:\n  groupId: orders-2\n';
    expect(
      await validate(groupChange, { cluster: 'resource:default/x1' }),
    ).toEqual([
      expect.stringMatching(
        /^connect\.groupId: would change from "streaming\.orders" to "orders-2": the workers would form a new Connect group/,
      ),
    ]);
    expect(
      await validate(groupChange, {
        cluster: 'resource:default/x2',
        allowIdentityChange: true,
      }),
    ).toEqual([]);
    expect(
      await validate('replicas: 4\n', { cluster: 'resource:default/x3' }),
    ).toEqual([]);
  });

  it("stops Next on the backend's refusal and on a change made for another cluster", async () => {
    expect(
      await validate('', { cluster: 'resource:default/x4' }, 'not yours'),
    ).toEqual(['not yours']);
    expect(
      await validate(
        '# The fields of connect-cluster.yaml that change, for resource:default/a\nreplicas: 2\n',
        { cluster: 'resource:default/b' },
      ),
    ).toEqual([
      'The change was made for resource:default/a, not resource:default/b: make it again for this cluster',
    ]);
  });
});
