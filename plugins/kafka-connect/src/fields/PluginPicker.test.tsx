import { fireEvent, screen } from '@testing-library/react';
import { PluginPicker } from './PluginPicker';
import { renderField } from '../__testUtils__/renderField';
import { choose, optionsOf } from '../__testUtils__/select';
import { typeInto } from '../__testUtils__/typeInto';
import { REQUIRED_VALUES } from '../__testUtils__/requiredValues';

const BASE = {
  ...REQUIRED_VALUES,
  image: { name: 'registry.example.com/data/orders-connect' },
};

const MYSQL_320 =
  'https://repo1.maven.org/maven2/io/debezium/debezium-connector-mysql/3.2.0.Final/debezium-connector-mysql-3.2.0.Final-plugin.tar.gz';

describe('PluginPicker', () => {
  it('starts empty', () => {
    const field = renderField(PluginPicker, { path: ['plugins'], form: BASE });
    expect(field.value()).toBeUndefined();
    expect(
      screen.queryByLabelText('Plugin folder name'),
    ).not.toBeInTheDocument();
  });

  it('adds a catalog connector at the chosen version and asks for its checksum', () => {
    const field = renderField(PluginPicker, { path: ['plugins'], form: BASE });
    choose('root_plugins_catalog', 'Debezium MySQL connector');
    expect(optionsOf('root_plugins_catalogVersion')).toEqual([
      '3.2.0.Final',
      '3.0.7.Final',
      '2.7.3.Final',
    ]);
    fireEvent.click(screen.getByText('Add'));
    expect(field.value()).toEqual([
      {
        name: 'debezium-connector-mysql',
        artifacts: [{ type: 'tgz', url: MYSQL_320 }],
      },
    ]);
    const hint = document.getElementById(
      'root_plugins_0_artifacts_0_sha512sum-helper-text',
    );
    expect(hint).toHaveTextContent('is required');
    expect(hint).toHaveTextContent(`curl -fsSL '${MYSQL_320}' | sha512sum`);
    typeInto('root_plugins_0_artifacts_0_sha512sum', 'ab'.repeat(64));
    expect(field.value()).toEqual([
      {
        name: 'debezium-connector-mysql',
        artifacts: [
          { type: 'tgz', url: MYSQL_320, sha512sum: 'ab'.repeat(64) },
        ],
      },
    ]);
  });

  it('switches a catalog plugin to another version', () => {
    const field = renderField(PluginPicker, { path: ['plugins'], form: BASE });
    choose('root_plugins_catalog', 'Debezium PostgreSQL connector');
    fireEvent.click(screen.getByText('Add'));
    choose('root_plugins_0_catalogVersion', '2.7.3.Final');
    expect((field.value() as any)[0].artifacts[0].url).toContain(
      '/2.7.3.Final/debezium-connector-postgres-2.7.3.Final-plugin.tar.gz',
    );
  });

  it('adds the AWS Secrets Manager provider and says which class to declare', () => {
    renderField(PluginPicker, { path: ['plugins'], form: BASE });
    choose(
      'root_plugins_catalog',
      'AWS Secrets Manager config provider (jcustenborder)',
    );
    fireEvent.click(screen.getByText('Add'));
    expect(
      screen.getByText(
        /com\.github\.jcustenborder\.kafka\.config\.aws\.SecretsManagerConfigProvider/,
      ),
    ).toBeInTheDocument();
  });

  it('adds nothing for the Kubernetes config providers, which the Strimzi image has', () => {
    const field = renderField(PluginPicker, { path: ['plugins'], form: BASE });
    choose('root_plugins_catalog', /Kubernetes Secret and ConfigMap/);
    fireEvent.click(screen.getByText('Add'));
    expect(field.value()).toBeUndefined();
    expect(
      screen.getByText(/Every Strimzi Kafka image already has them/),
    ).toBeInTheDocument();
  });

  it('takes a Maven artifact freely, and a URL with its sha512 after switching kinds without stale keys', () => {
    const field = renderField(PluginPicker, { path: ['plugins'], form: BASE });
    fireEvent.click(screen.getByText('Add your own plugin'));
    typeInto('root_plugins_0_name', 'jdbc');
    typeInto('root_plugins_0_artifacts_0_group', 'org.postgresql');
    typeInto('root_plugins_0_artifacts_0_artifact', 'postgresql');
    typeInto('root_plugins_0_artifacts_0_version', '42.7.4');
    expect(field.value()).toEqual([
      {
        name: 'jdbc',
        artifacts: [
          {
            type: 'maven',
            group: 'org.postgresql',
            artifact: 'postgresql',
            version: '42.7.4',
          },
        ],
      },
    ]);
    choose('root_plugins_0_artifacts_0_type', 'ZIP archive by URL');
    expect(field.value()).toEqual([
      { name: 'jdbc', artifacts: [{ type: 'zip' }] },
    ]);
    typeInto(
      'root_plugins_0_artifacts_0_url',
      'https://downloads.example.com/jdbc.zip',
    );
    typeInto('root_plugins_0_artifacts_0_sha512sum', 'cd'.repeat(64));
    choose(
      'root_plugins_0_artifacts_0_type',
      'Other file by URL (stored as it is)',
    );
    typeInto('root_plugins_0_artifacts_0_fileName', 'jdbc.jar');
    choose('root_plugins_0_artifacts_0_type', 'JAR file by URL');
    expect(field.value()).toEqual([
      {
        name: 'jdbc',
        artifacts: [
          {
            type: 'jar',
            url: 'https://downloads.example.com/jdbc.zip',
            sha512sum: 'cd'.repeat(64),
          },
        ],
      },
    ]);
  });

  it("shows a bad checksum beside its field in the checks' words", () => {
    renderField(PluginPicker, {
      path: ['plugins'],
      form: {
        ...BASE,
        plugins: [
          {
            name: 'x',
            artifacts: [
              {
                type: 'jar',
                url: 'https://a.example.com/x.jar',
                sha512sum: 'abc',
              },
            ],
          },
        ],
      },
    });
    expect(
      document.getElementById(
        'root_plugins_0_artifacts_0_sha512sum-helper-text',
      )?.textContent,
    ).toMatch(/128/);
  });
});
