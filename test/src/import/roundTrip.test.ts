import { corpusCases, roundTrip } from './corpus';
import { describeWithStrimzi } from '../strimzi/strimziDir';
import { loadCrdValidator } from '../strimzi/crdValidator';

/**
 * Each corpus cluster, imported and rendered again, gives the same KafkaConnect and
 * KafkaConnectors up to the documented normalisations (normalisations.ts), and the
 * rendered objects pass the target release's CRDs.
 */
describeWithStrimzi('import, then render: the corpus round trip', () => {
  const cases = corpusCases();

  it('holds at least 15 clusters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map(c => [c.file, c]))('%s', (_file, corpusCase) => {
    const { actual, expected, rendered } = roundTrip(corpusCase.documents, {
      target: corpusCase.target,
      checksums: corpusCase.checksums,
    });
    expect(actual).toEqual(expected);
    const validator = loadCrdValidator(corpusCase.target);
    for (const object of rendered.filter(o =>
      ['KafkaConnect', 'KafkaConnector'].includes(o.kind),
    )) {
      expect(validator.validate(object)).toEqual([]);
    }
  });
});
