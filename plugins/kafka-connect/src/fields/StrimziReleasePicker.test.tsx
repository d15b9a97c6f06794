import { screen } from '@testing-library/react';
import { RELEASE_FACTS } from '@connect-skeleton/plugin-kafka-connect-common';
import { StrimziReleasePicker } from './StrimziReleasePicker';
import { renderField } from '../__testUtils__/renderField';
import { choose, optionsOf } from '../__testUtils__/select';

const VERSION = 'root_strimzi_version';
const API = 'root_strimzi_apiVersion';

describe('StrimziReleasePicker', () => {
  it('lists every supported release, newest first', () => {
    renderField(StrimziReleasePicker, { path: ['strimzi'] });
    expect(optionsOf(VERSION)).toEqual(
      [...RELEASE_FACTS]
        .reverse()
        .map((r, i) => (i === 0 ? `${r.version} (newest)` : r.version)),
    );
  });

  it('offers only the API versions the chosen release serves', () => {
    const field = renderField(StrimziReleasePicker, {
      path: ['strimzi'],
      form: { strimzi: { version: '0.50.0' } },
    });
    expect(optionsOf(API)).toEqual([
      "The release's default (v1beta2)",
      'v1beta2',
      'v1',
    ]);
    choose(VERSION, '0.45.0');
    expect(optionsOf(API)).toEqual([
      "The release's default (v1beta2)",
      'v1beta2',
    ]);
    expect(field.value()).toEqual({ version: '0.45.0' });
  });

  it('writes {version, apiVersion} and leaves apiVersion out for the default', () => {
    const field = renderField(StrimziReleasePicker, {
      path: ['strimzi'],
      form: { strimzi: { version: '0.49.0' } },
    });
    choose(API, 'v1');
    expect(field.value()).toEqual({ version: '0.49.0', apiVersion: 'v1' });
    choose(API, /default/);
    expect(field.value()).toEqual({ version: '0.49.0' });
  });

  it('keeps an API version the new release does not serve, with the problem beside it', () => {
    const field = renderField(StrimziReleasePicker, {
      path: ['strimzi'],
      form: {
        name: 'orders',
        namespace: 'data',
        owner: 'group:default/data',
        kafka: { bootstrapServers: 'kafka:9092' },
        strimzi: { version: '0.49.0', apiVersion: 'v1' },
      },
    });
    choose(VERSION, '0.48.0');
    expect(field.value()).toEqual({ version: '0.48.0', apiVersion: 'v1' });
    expect(document.getElementById(API)).toHaveTextContent(
      'v1 (not served by 0.48.0)',
    );
    expect(
      screen.getByText(/Strimzi 0\.48\.0 serves only v1beta2/),
    ).toBeInTheDocument();
  });
});
