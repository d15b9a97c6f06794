import fc from 'fast-check';
import {
  LAYOUTS,
  renderSkeleton,
  toYaml,
} from '@connect-skeleton/plugin-kafka-connect-common';
import fs from 'node:fs';
import path from 'node:path';
import { Document, parse, parseAllDocuments } from 'yaml';
import { REPO_ROOT } from '../scaffolder/templateFile';
import { readYamlDocuments } from '../strimzi/yamlDocuments';
import {
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from '../strimzi/strimziDir';

/**
 * toYaml lays plain data out as the `yaml` package's tokens (its CST) and writes most
 * strings by a short cut; the text must still be what the package's own `Document`
 * writes, byte for byte: for the example values, every file they render to, Strimzi's
 * own examples, and random data.
 */
function packageOwn(value: unknown): string {
  return new Document(value, {
    aliasDuplicateObjects: false,
    compat: 'yaml-1.1',
  }).toString({ directives: false, lineWidth: 0, minContentWidth: 0 });
}

/** Every string of the data, keys included. */
function stringsOf(value: unknown, found: Set<string> = new Set()) {
  if (typeof value === 'string') found.add(value);
  else if (Array.isArray(value)) value.forEach(v => stringsOf(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      found.add(key);
      stringsOf(v, found);
    }
  }
  return found;
}

const VALUES_DIR = path.join(REPO_ROOT, 'examples/values');
const exampleValues = fs
  .readdirSync(VALUES_DIR)
  .filter(file => file.endsWith('.yaml'))
  .map(file => ({
    file,
    values: parse(fs.readFileSync(path.join(VALUES_DIR, file), 'utf8')),
  }));

/** The data of every YAML file the example values render to, in both layouts. */
const renderedDocuments = exampleValues.flatMap(({ file, values }) =>
  LAYOUTS.flatMap(layout => {
    const rendered = renderSkeleton(values, { layout });
    if (!rendered.ok) throw new Error(`${file}: ${rendered.problems}`);
    return rendered.value
      .filter(f => f.path.endsWith('.yaml'))
      .flatMap(f =>
        parseAllDocuments(f.content).map(doc => ({
          name: `${file} (${layout}) ${f.path}`,
          data: doc.toJS() as unknown,
        })),
      );
  }),
);

describe('toYaml against the yaml package on real data', () => {
  it.each(exampleValues)('writes $file as the package would', ({ values }) => {
    expect(toYaml(values)).toBe(packageOwn(values));
  });

  it('writes every rendered file of the examples as the package would', () => {
    expect(renderedDocuments.length).toBeGreaterThan(20);
    for (const { name, data } of renderedDocuments) {
      expect({ name, text: toYaml(data) }).toEqual({
        name,
        text: packageOwn(data),
      });
    }
  });

  it('writes each of their strings, as key and as value, as the package would', () => {
    const strings = stringsOf([
      exampleValues.map(e => e.values),
      renderedDocuments.map(d => d.data),
    ]);
    expect(strings.size).toBeGreaterThan(200);
    for (const text of strings) {
      const data = { [text]: text, list: [text] };
      expect(toYaml(data)).toBe(packageOwn(data));
    }
  });

  it('writes such strings, changed at random, as the package would', () => {
    const strings = [
      ...stringsOf(exampleValues.map(e => e.values)),
      // Strings a YAML 1.1 or 1.2 reader would take for something else.
      ...['600', '1.0', '1_000', '2001-12-14', '12:30', '0x1F', '.inf', '~'],
      ...['y', 'No', 'null', 'TRUE', '<<', '-', '---', '...', ''],
    ];
    // Characters the short cut must get right: indicators, spaces, quotes, comments.
    const insert = fc.constantFrom(
      ...': #-?,[]{}&*!|>\'"%@`\\~/.=$()'.split(''),
      ': ',
      ' #',
      '  ',
      '\t',
      '\n',
      'é',
      '0',
      'on',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...strings),
        fc.nat(),
        insert,
        (text, at, piece) => {
          const i = at % (text.length + 1);
          const changed = text.slice(0, i) + piece + text.slice(i);
          const data = { [changed]: changed, list: [changed] };
          expect(toYaml(data)).toBe(packageOwn(data));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('toYaml against the yaml package on random data', () => {
  // Pieces that change how a string is written: indicators, quotes, spaces and breaks
  // (leading, trailing, doubled), document markers, words and numbers YAML reads as
  // something else, control and non-ASCII characters.
  const piece = fc.constantFrom(
    ...'aZ_/0.-?:#,[]{}&*!|>\'"%@`~= \n\t\\'.split(''),
    ...[
      'on',
      'null',
      'true',
      '1e3',
      '0x1F',
      '---',
      '...',
      '\u0007',
      'é',
      '\u2028',
    ],
  );
  const text = fc.string({ unit: piece, maxLength: 12 });
  const scalar = fc.oneof(
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );
  const { data } = fc.letrec<{ data: unknown }>(tie => ({
    data: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('data'), { maxLength: 4 }),
      fc.dictionary(text, tie('data'), { maxKeys: 4 }),
    ),
  }));

  it('writes lists and maps of any depth and any scalar as the package would', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(data, { maxLength: 4 }),
          fc.dictionary(text, data, { maxKeys: 5 }),
        ),
        value => {
          expect(toYaml(value)).toBe(packageOwn(value));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describeWithStrimzi(
  'toYaml against the yaml package on Strimzi examples',
  () => {
    it.each(strimziReleases())(
      'writes the examples of %s as the package would',
      version => {
        const files: string[] = [];
        const walk = (dir: string) => {
          for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (/\.ya?ml$/.test(entry.name)) files.push(full);
          }
        };
        walk(path.join(strimziDir(), version, 'examples'));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
          for (const data of readYamlDocuments(file)) {
            expect({ file, text: toYaml(data) }).toEqual({
              file,
              text: packageOwn(data),
            });
            for (const text of stringsOf(data)) {
              const pair = { [text]: text };
              expect(toYaml(pair)).toBe(packageOwn(pair));
            }
          }
        }
      },
    );
  },
);
