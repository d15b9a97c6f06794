import { fireEvent, render, screen } from '@testing-library/react';
import { NEWEST_STRIMZI_VERSION } from '@connect-skeleton/plugin-kafka-connect-common';
import { fullValues } from '@connect-skeleton/integration-tests/src/fixtures/fullValues';
import { PreviewPanel } from './PreviewPanel';
import { choose } from '../__testUtils__/select';
import { REQUIRED_VALUES } from '../__testUtils__/requiredValues';

function fileShown() {
  return screen.getByLabelText(/^Contents of /);
}

describe('PreviewPanel', () => {
  it('shows the files of the widest cluster, the Dockerfile first, and no problem', () => {
    render(<PreviewPanel form={fullValues(NEWEST_STRIMZI_VERSION)} />);
    expect(screen.getByText('ready to create')).toBeInTheDocument();
    expect(fileShown()).toHaveAccessibleName('Contents of Dockerfile');
    expect(fileShown().textContent).toMatch(/^FROM /m);
    choose('kafka-connect-preview-file', 'values.yaml');
    expect(fileShown().textContent).toContain('kind: KafkaConnect');
    choose('kafka-connect-preview-file', 'catalog-info.yaml');
    expect(fileShown().textContent).toContain('kind: Resource');
  });

  it('shows the kustomize files when that layout is chosen', () => {
    render(
      <PreviewPanel
        form={{ ...fullValues(NEWEST_STRIMZI_VERSION), layout: 'kustomize' }}
      />,
    );
    choose('kafka-connect-preview-file', 'kustomization.yaml');
    expect(fileShown().textContent).toContain('resources:');
    choose('kafka-connect-preview-file', 'api-access-networkpolicy.yaml');
    expect(fileShown().textContent).toContain('kind: NetworkPolicy');
  });

  it('renders with stand-ins from the first keystroke, and names what is still to fill in', () => {
    render(<PreviewPanel form={{ description: 'orders' }} />);
    expect(
      screen.getByText(/Still to fill in: name, namespace, owner, kafka/),
    ).toBeInTheDocument();
    choose('kafka-connect-preview-file', 'catalog-info.yaml');
    expect(fileShown().textContent).toContain('cluster-name');
  });

  it('lists each problem in plain words, and keeps the last files while a problem stops the render', () => {
    const { rerender } = render(<PreviewPanel form={REQUIRED_VALUES} />);
    choose('kafka-connect-preview-file', 'catalog-info.yaml');
    expect(fileShown().textContent).toContain('name: orders');
    rerender(
      <PreviewPanel
        form={{
          ...REQUIRED_VALUES,
          volumes: [
            { name: 'etc', mountPath: '/etc/x', secret: { secretName: 's' } },
          ],
        }}
      />,
    );
    expect(screen.getByText('1 problem')).toBeInTheDocument();
    const problems = screen.getByRole('list', { name: 'Problems' });
    expect(problems).toHaveTextContent(/^Volume 1 \("etc"\) › mount path: /);
    expect(
      screen.getByText(/from before the first problem/),
    ).toBeInTheDocument();
    expect(fileShown().textContent).toContain('name: orders');
  });

  it('takes the developer to the field of a problem', () => {
    const input = document.createElement('input');
    input.id = 'root_volumes_0_mountPath';
    document.body.appendChild(input);
    render(
      <PreviewPanel
        form={{
          ...REQUIRED_VALUES,
          volumes: [
            { name: 'etc', mountPath: '/etc/x', secret: { secretName: 's' } },
          ],
        }}
      />,
    );
    fireEvent.click(screen.getByText('Volume 1 ("etc") › mount path'));
    expect(document.activeElement).toBe(input);
    input.remove();
  });
});
