import fc from 'fast-check';
import {
  readCanonicalYaml,
  renderSkeleton,
  STRIMZI_RELEASES,
  toYaml,
} from '@connect-skeleton/plugin-kafka-connect-common';
import { parseAllDocuments } from 'yaml';
import { fullValues } from '../fixtures/fullValues';
import { layout, validishValues } from './arbitraries';

/**
 * The fleet commands read connect-cluster.yaml with `readCanonicalYaml` and fall back to the
 * `yaml` package's parser for anything it does not take. Whatever the text, what it returns
 * is what the full parser returns, and it takes every file render writes.
 */

/** The data the full parser reads, or undefined when it has errors or not one mapping. */
function fullRead(text: string): unknown {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const [doc] = docs;
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const data = doc.toJS();
  return typeof data === 'object' && data !== null && !Array.isArray(data)
    ? data
    : undefined;
}

const RUNS = 300;

/** connect-cluster.yaml of the widest cluster of every release, as render writes it. */
const widest = STRIMZI_RELEASES.map(({ version, api }) => {
  const values = {
    ...fullValues(version),
    strimzi: { version, apiVersion: api },
  };
  const rendered = renderSkeleton(values);
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return rendered.value.find(f => f.path === 'connect-cluster.yaml')!.content;
});

/** Strings with YAML's troublemakers in them: indicators, quotes, escapes, line breaks. */
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.stringMatching(/^[-:#'"{}[\]&*!|>%@`?, \n\t\\~.0-9a-zA-Z]{0,12}$/),
  fc.constantFrom('on', 'No', 'null', '~', '1e3', '0x1F', '007', '-0', '.inf'),
);
const leaf = fc.oneof(
  tricky,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
);
const data = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(tricky, tie('node'), { maxKeys: 4 }),
})).map;

describe('readCanonicalYaml', () => {
  it('reads every connect-cluster.yaml that render writes, as the full parser does', () => {
    let read = 0;
    fc.assert(
      fc.property(validishValues, layout, (values, chosen) => {
        const rendered = renderSkeleton(values, { layout: chosen });
        if (!rendered.ok) return;
        const text = rendered.value.find(
          f => f.path === 'connect-cluster.yaml',
        )!.content;
        expect(readCanonicalYaml(text)).toEqual(fullRead(text));
        expect(readCanonicalYaml(text)).toBeDefined();
        read += 1;
      }),
      { numRuns: RUNS },
    );
    expect(read).toBeGreaterThan(RUNS / 10);
  });

  it.each(STRIMZI_RELEASES.map((r, i) => [r.version, r.api, widest[i]]))(
    'reads the widest cluster of Strimzi %s (%s) as render writes it',
    (_version, _api, text) => {
      expect(readCanonicalYaml(text)).toStrictEqual(fullRead(text));
      expect(readCanonicalYaml(text)).toBeDefined();
    },
  );

  it('returns what the full parser returns, or nothing, for any data toYaml writes', () => {
    let taken = 0;
    fc.assert(
      fc.property(data, value => {
        const text = toYaml(value);
        const read = readCanonicalYaml(text);
        const full = fullRead(text);
        // Read as the full parser reads it, or left to the full parser.
        expect(read ?? full).toStrictEqual(full);
        if (read !== undefined) taken += 1;
      }),
      { numRuns: RUNS * 3 },
    );
    // Most of them are read here, so the comparison above is not vacuous.
    expect(taken).toBeGreaterThan(RUNS);
  });

  it('returns what the full parser returns, or nothing, for a hand-edited file', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.oneof(
        fc.constantFrom('\n', ' ', '  ', '-', '- ', ':', ': ', '#', '"', "'"),
        fc.stringMatching(/^[-:#'"|\n a-z0-9]{1,4}$/),
      ),
    });
    let edited = 0;
    let read = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...widest),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (original, edits) => {
          let text = original;
          for (const { at, remove, insert } of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + remove);
          }
          const result = readCanonicalYaml(text);
          const full = fullRead(text);
          expect(result ?? full).toStrictEqual(full);
          if (result === undefined) edited += 1;
          else read += 1;
        },
      ),
      { numRuns: RUNS },
    );
    // Many edits leave the text to the full parser: the fallback is exercised too.
    expect(edited).toBeGreaterThan(RUNS / 4);
    // ...and some (an edit inside a name, say) are still render's form, read here.
    expect(read).toBeGreaterThan(RUNS / 20);
  });
});
