import { CST, Document, Parser } from 'yaml';
import { toYaml } from './yaml';
import { NOT_PLAIN_DATA, plainDataDocument } from './yamlTokens';

/** Token types and texts, without positions (the parser counts them; the writer needs none). */
function shape(token: unknown): unknown {
  return JSON.parse(
    JSON.stringify(token, (key, value) =>
      key === 'offset' || key === 'indent' ? undefined : value,
    ),
  );
}

function parsedTokens(text: string): unknown {
  const tokens = [...new Parser().parse(text)];
  expect(tokens).toHaveLength(1);
  return shape(tokens[0]);
}

const packageOwn = (value: unknown) =>
  new Document(value, {
    aliasDuplicateObjects: false,
    compat: 'yaml-1.1',
  }).toString({ directives: false, lineWidth: 0, minContentWidth: 0 });

// Every way a value sits in a block: in a map, in a list, in a list in a list, nested
// deeper, empty, and strings written plain, quoted, over several lines or as blocks.
const cases: Record<string, unknown> = {
  'a Kubernetes object': {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } },
    data: { 'config.yaml': 'line one\nline two\n', empty: '' },
  },
  'lists in lists, empty collections everywhere': {
    list: [['a', ['b', []]], [{}], { k: [] }, [], {}],
    empty: {},
    none: [],
  },
  'scalars of every kind': {
    text: 'plain words',
    ambiguous: ['on', 'NO', '1_000', '0x1F', '2001-12-14', '~', ''],
    numbers: [0, -0, 3, 0.5, 1e21, NaN, -Infinity],
    flags: [true, false],
    nothing: [null, undefined],
    skipped: undefined,
  },
  'strings the package writes over several lines': {
    literal: 'first\nsecond\n',
    keep: 'trailing\n\n',
    indented: '  starts with spaces\nthen not',
    deep: { deeper: [{ text: 'a\nb' }, 'c\nd\n'] },
    quoted: `a line with a control character \u0007 and a break\nthat needs quotes`,
    spaces: 'ends with a space \nthen more text to pass forty characters',
  },
  'keys that need quotes': {
    'a: b': 1,
    '---': { '---': 'nested marker key', '%tag': 2 },
    '%percent': 3,
    "it's": 'x',
    on: 'off',
    '-': '?',
    'multi\nline key': 'v',
  },
  'a top-level list': [{ a: 1, b: [2] }, 'x', [3]],
};

describe('plainDataDocument', () => {
  it.each(Object.entries(cases))(
    'writes %s as the yaml package would, as the tokens its parser reads back',
    (_name, value) => {
      const tokens = plainDataDocument(value);
      const text = CST.stringify(tokens);
      expect(text).toBe(packageOwn(value));
      expect(toYaml(value)).toBe(text);
      expect(shape(tokens)).toEqual(parsedTokens(text));
    },
  );

  const others: Record<string, unknown> = {
    'a top-level string': 'text',
    'a top-level null': null,
    'a Map': { map: new Map([['k', 1]]) },
    'a Date': { when: new Date(0) },
    'a class instance': { at: new (class Point {})() },
    toJSON: { json: { toJSON: () => 1 } },
    'a bigint': { big: BigInt(1) },
    'a key over 1024 characters': { ['k'.repeat(1100)]: 1 },
  };

  it.each(Object.entries(others))(
    'leaves %s to the package’s Document, which writes it the same',
    (_name, value) => {
      let thrown: unknown;
      try {
        plainDataDocument(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBe(NOT_PLAIN_DATA);
      expect(toYaml(value)).toBe(packageOwn(value));
    },
  );
});
