import { screen } from '@testing-library/react';
import { findRelease } from '@connect-skeleton/plugin-kafka-connect-common';
import { KafkaVersionPicker } from './KafkaVersionPicker';
import { renderField } from '../__testUtils__/renderField';
import { choose, optionsOf } from '../__testUtils__/select';

const ID = 'root_kafka_version';

describe('KafkaVersionPicker', () => {
  it('offers the Kafka versions of the release chosen on the form', () => {
    renderField(KafkaVersionPicker, {
      path: ['kafka', 'version'],
      form: { strimzi: { version: '0.45.0' } },
    });
    expect(optionsOf(ID)).toEqual([
      "The release's default (3.9.0)",
      '3.9.0',
      '3.8.1',
      '3.8.0',
    ]);
  });

  it('follows another release', () => {
    renderField(KafkaVersionPicker, {
      path: ['kafka', 'version'],
      form: { strimzi: { version: '1.2.0' } },
    });
    expect(optionsOf(ID).slice(1)).toEqual(
      [...findRelease('1.2.0')!.kafkaVersions].reverse(),
    );
  });

  it('offers the newest release when none is chosen', () => {
    renderField(KafkaVersionPicker, { path: ['kafka', 'version'] });
    expect(optionsOf(ID)[0]).toBe("The release's default (4.3.1)");
  });

  it('writes the chosen version, and nothing for the default', () => {
    const field = renderField(KafkaVersionPicker, {
      path: ['kafka', 'version'],
      form: { strimzi: { version: '0.45.0' } },
    });
    choose(ID, '3.8.1');
    expect(field.value()).toBe('3.8.1');
    choose(ID, /default/);
    expect(field.value()).toBeUndefined();
    expect(field.latest().kafka).toEqual({});
  });

  it('keeps a version the release lacks and names the problem beside it', () => {
    const field = renderField(KafkaVersionPicker, {
      path: ['kafka', 'version'],
      form: {
        name: 'orders',
        namespace: 'data',
        owner: 'group:default/data',
        strimzi: { version: '1.2.0' },
        kafka: { version: '3.9.0', bootstrapServers: 'kafka:9092' },
      },
    });
    expect(document.getElementById(ID)).toHaveTextContent(
      '3.9.0 (not a Kafka version of Strimzi 1.2.0)',
    );
    // The common checks' own words, under the field.
    expect(
      screen.getByText(/Kafka 3\.9\.0 is not supported by Strimzi 1\.2\.0/),
    ).toBeInTheDocument();
    expect(field.value()).toBe('3.9.0');
  });
});
