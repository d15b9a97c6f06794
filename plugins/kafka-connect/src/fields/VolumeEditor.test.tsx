import { fireEvent, screen } from '@testing-library/react';
import { VolumeEditor } from './VolumeEditor';
import { renderClusterField } from '../__testUtils__/renderClusterField';
import { choose, optionsOf } from '../__testUtils__/select';
import { typeInto } from '../__testUtils__/typeInto';

describe('VolumeEditor', () => {
  it('offers only the sources the chosen release accepts', () => {
    renderClusterField(VolumeEditor, 'volumes', {
      strimzi: { version: '0.45.0' },
      volumes: [
        { name: 'a', mountPath: '/mnt/a', secret: { secretName: 's' } },
      ],
    });
    expect(optionsOf('root_volumes_0_type')).toEqual([
      'Secret',
      'ConfigMap',
      'Empty directory',
      'Persistent volume claim',
      'CSI driver',
    ]);
    expect(
      screen.getByText(/Image volumes need Strimzi 0\.47\.0 or newer/),
    ).toBeInTheDocument();
  });

  it('offers image volumes from 0.47.0', () => {
    renderClusterField(VolumeEditor, 'volumes', {
      strimzi: { version: '0.47.0' },
      volumes: [{ name: 'a', mountPath: '/mnt/a', secret: {} }],
    });
    expect(optionsOf('root_volumes_0_type')).toContain('Image (OCI artifact)');
  });

  it('explains why projected is missing and what to do instead', () => {
    renderClusterField(VolumeEditor, 'volumes');
    expect(
      screen.getByText(/Why is there no projected volume/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/put the\s+credential configuration file in a Secret/),
    ).toBeInTheDocument();
  });

  it('writes one volume with one source', () => {
    const field = renderClusterField(VolumeEditor, 'volumes');
    fireEvent.click(screen.getByText('Add a volume'));
    typeInto('root_volumes_0_name', 'gcp');
    typeInto('root_volumes_0_mountPath', '/mnt/gcp');
    typeInto('root_volumes_0_secret_secretName', 'gcp-credentials');
    fireEvent.click(document.getElementById('root_volumes_0_readOnly')!);
    expect(field.value()).toEqual([
      {
        name: 'gcp',
        mountPath: '/mnt/gcp',
        readOnly: true,
        secret: { secretName: 'gcp-credentials' },
      },
    ]);
  });

  it('switching the source leaves no key of the old one, and keeps the mount', () => {
    const field = renderClusterField(VolumeEditor, 'volumes', {
      volumes: [
        {
          name: 'data',
          mountPath: '/mnt/data',
          readOnly: true,
          secret: { secretName: 's', defaultMode: 288 },
        },
      ],
    });
    choose('root_volumes_0_type', 'Empty directory');
    expect(field.value()).toEqual([
      { name: 'data', mountPath: '/mnt/data', readOnly: true, emptyDir: {} },
    ]);
    choose('root_volumes_0_type', 'CSI driver');
    typeInto('root_volumes_0_csi_driver', 'secrets-store.csi.k8s.io');
    // Typed as a person types: the line is no pair until it has its "=".
    typeInto('root_volumes_0_csi_volumeAttributes', 'secretProviderClass');
    expect(
      document.getElementById('root_volumes_0_csi_volumeAttributes'),
    ).toHaveValue('secretProviderClass');
    typeInto(
      'root_volumes_0_csi_volumeAttributes',
      'secretProviderClass=orders',
    );
    expect(field.value()).toEqual([
      {
        name: 'data',
        mountPath: '/mnt/data',
        readOnly: true,
        csi: {
          driver: 'secrets-store.csi.k8s.io',
          volumeAttributes: { secretProviderClass: 'orders' },
        },
      },
    ]);
  });

  it('keeps fields it has no input for when a source is edited', () => {
    const field = renderClusterField(VolumeEditor, 'volumes', {
      volumes: [
        {
          name: 'a',
          mountPath: '/mnt/a',
          secret: { secretName: 's', defaultMode: 288 },
        },
      ],
    });
    typeInto('root_volumes_0_secret_secretName', 't');
    expect(field.value()).toEqual([
      {
        name: 'a',
        mountPath: '/mnt/a',
        secret: { secretName: 't', defaultMode: 288 },
      },
    ]);
  });

  it('mounts only the keys listed, each as a file of its name or the one after "="', () => {
    const field = renderClusterField(VolumeEditor, 'volumes');
    fireEvent.click(screen.getByText('Add a volume'));
    typeInto('root_volumes_0_name', 'service-account');
    typeInto('root_volumes_0_mountPath', '/mnt/service-account');
    typeInto('root_volumes_0_secret_secretName', 'connect-cluster-secrets');
    typeInto(
      'root_volumes_0_secret_items',
      'gcp-credential.json\nca.crt=certs/ca.pem\n',
    );
    expect(field.value()).toEqual([
      {
        name: 'service-account',
        mountPath: '/mnt/service-account',
        secret: {
          secretName: 'connect-cluster-secrets',
          items: [
            { key: 'gcp-credential.json', path: 'gcp-credential.json' },
            { key: 'ca.crt', path: 'certs/ca.pem' },
          ],
        },
      },
    ]);
    // Emptied, the list goes: every key is mounted again.
    typeInto('root_volumes_0_secret_items', '');
    expect(field.value()).toEqual([
      {
        name: 'service-account',
        mountPath: '/mnt/service-account',
        secret: { secretName: 'connect-cluster-secrets' },
      },
    ]);
  });

  it("shows the items given, keeps an item's mode, and names a bad file path by its line", () => {
    const field = renderClusterField(VolumeEditor, 'volumes', {
      volumes: [
        {
          name: 'cfg',
          mountPath: '/mnt/cfg',
          configMap: {
            name: 'settings',
            items: [
              { key: 'a.properties', path: 'a.properties', mode: 256 },
              { key: 'b', path: '../b' },
            ],
          },
        },
      ],
    });
    const items = document.getElementById('root_volumes_0_configMap_items');
    expect(items).toHaveValue('a.properties\nb=../b');
    expect(
      document.getElementById('root_volumes_0_configMap_items-helper-text'),
    ).toHaveTextContent(
      'line 2: must be a relative path without ".." segments',
    );
    typeInto('root_volumes_0_configMap_items', 'a.properties\nb=b.txt');
    expect(field.value()).toEqual([
      {
        name: 'cfg',
        mountPath: '/mnt/cfg',
        configMap: {
          name: 'settings',
          items: [
            { key: 'a.properties', path: 'a.properties', mode: 256 },
            { key: 'b', path: 'b.txt' },
          ],
        },
      },
    ]);
    expect(
      document.getElementById('root_volumes_0_configMap_items-helper-text'),
    ).toBeNull();
  });

  it('names a projected volume and a mount outside /mnt/ beside the volume', () => {
    renderClusterField(VolumeEditor, 'volumes', {
      volumes: [
        { name: 'wif', mountPath: '/mnt/wif', projected: { sources: [] } },
        { name: 'etc', mountPath: '/etc/x', secret: { secretName: 's' } },
      ],
    });
    expect(document.getElementById('root_volumes_0_type')).toHaveTextContent(
      'projected (not accepted by Strimzi 1.2.0)',
    );
    expect(
      screen.getByText(/volume type "projected" is not supported by Strimzi/),
    ).toBeInTheDocument();
    expect(
      document.getElementById('root_volumes_1_mountPath-helper-text'),
    ).toHaveTextContent(/\/mnt\//);
  });
});
