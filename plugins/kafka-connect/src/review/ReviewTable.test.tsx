import { render, screen, waitFor } from '@testing-library/react';
import { discoveryApiRef, fetchApiRef } from '@backstage/frontend-plugin-api';
import { TestApiProvider } from '@backstage/frontend-test-utils';
import { NEWEST_STRIMZI_VERSION } from '@connect-skeleton/plugin-kafka-connect-common';
import {
  loadTemplate,
  templatePath,
} from '@connect-skeleton/integration-tests/src/scaffolder/templateFile';
import { changePatch, patchText } from '../day2/changePatch';
import {
  backendDiscovery,
  ORDERS_CHANGE_BRANCH,
  ORDERS_ENTITY,
  ordersConnectCluster,
  ReadClusterExtras,
  readClusterResponse,
} from '../__testUtils__/clusterBackend';
import { ReviewTable } from './ReviewTable';

/** The change template's pages, as the wizard hands them to the Review step. */
const PAGES = loadTemplate(
  templatePath('kafka-connect-change'),
).spec.parameters.map(page => ({
  title: String(page.title),
  mergedSchema: page,
}));

const ENTITY = ORDERS_ENTITY;
const OLDER = '1.1.0';

/** The cluster on an older release. */
const CURRENT = ordersConnectCluster({
  strimzi: { version: OLDER },
  replicas: 1,
});

function renderReview(
  formData: Record<string, unknown>,
  extras?: ReadClusterExtras,
) {
  const fetchApi = { fetch: async () => readClusterResponse(CURRENT, extras) };
  render(
    <TestApiProvider
      apis={[
        [fetchApiRef, fetchApi],
        [discoveryApiRef, backendDiscovery],
      ]}
    >
      <ReviewTable steps={PAGES} formData={formData} />
    </TestApiProvider>,
  );
}

/** The table's rows as [label, value] pairs, as a reader sees them. */
function rows(): [string, string][] {
  return screen.getAllByTestId('review-row').map(row => {
    const [label, value] = Array.from(row.children);
    return [label.textContent ?? '', value.textContent ?? ''];
  });
}

describe('the Review table of the change template', () => {
  it('says what changes in words, the release in effect and yes/no, with no empty row', async () => {
    renderReview({
      cluster: ENTITY,
      changes: patchText(
        changePatch(CURRENT, { ...CURRENT, replicas: 2 }),
        ENTITY,
      ),
      upgradeTo: '',
      allowIdentityChange: false,
    });
    await waitFor(() =>
      expect(rows()).toEqual([
        ['Cluster', ENTITY],
        ['What changes', 'replicas: 1 → 2'],
        ['Strimzi release', `${OLDER} (unchanged)`],
        ['The group and storage topics are meant to change', 'No'],
      ]),
    );
    expect(screen.getByText('The cluster')).toBeInTheDocument();
    expect(screen.getByText('The change')).toBeInTheDocument();
    expect(screen.queryByTestId('pending-change-notice')).toBeNull();
  });

  it("says once more, right before Create, that the change replaces one pending on the cluster's branch", async () => {
    // Another cluster ref: the table reuses the read of the change field, kept per cluster.
    const cluster = 'resource:default/orders-pending';
    renderReview(
      {
        cluster,
        changes: patchText(
          changePatch(CURRENT, { ...CURRENT, replicas: 2 }),
          cluster,
        ),
        upgradeTo: '',
        allowIdentityChange: false,
      },
      {
        destination: 'gitlab',
        pending: { branch: ORDERS_CHANGE_BRANCH, files: ['values.yaml'] },
      },
    );
    const notice = await screen.findByTestId('pending-change-notice');
    expect(notice).toHaveTextContent(
      `pending (its merge request, from branch ${ORDERS_CHANGE_BRANCH}, 1 file in clusters/orders). This change replaces it`,
    );
    // Above the rows, which are as they are without a pending change.
    expect(
      notice.compareDocumentPosition(screen.getByTestId('review-table')) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(Object.fromEntries(rows())['What changes']).toBe('replicas: 1 → 2');
  });

  it('says an upgrade from the release to the one chosen, with what the operator needs first', async () => {
    renderReview({
      cluster: ENTITY,
      changes: '',
      upgradeTo: NEWEST_STRIMZI_VERSION,
      allowIdentityChange: true,
      accessToken: 'glpat-secret',
    });
    await waitFor(() =>
      expect(Object.fromEntries(rows())['Strimzi release']).toBe(
        `${OLDER} → ${NEWEST_STRIMZI_VERSION}`,
      ),
    );
    const shown = Object.fromEntries(rows());
    expect(shown['What changes']).toContain(
      `strimzi.version: "${OLDER}" → "${NEWEST_STRIMZI_VERSION}"`,
    );
    expect(shown['What the Strimzi operator needs first']).toBeTruthy();
    expect(shown['The group and storage topics are meant to change']).toBe(
      'Yes',
    );
    expect(shown['Access token (optional)']).toBe('******');
    expect(document.body.textContent).not.toContain('glpat-secret');
  });

  it('with no change at all, says that nothing will be pushed', async () => {
    renderReview({
      cluster: ENTITY,
      upgradeTo: '',
      allowIdentityChange: false,
    });
    await waitFor(() =>
      expect(Object.fromEntries(rows())['What changes']).toBe(
        'Nothing: with no change, the task pushes nothing.',
      ),
    );
  });
});
