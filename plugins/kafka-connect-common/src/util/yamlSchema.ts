import { Schema } from 'yaml';
import { stringTag } from 'yaml/util';

// Words YAML 1.2 or YAML 1.1 read as booleans or null, whatever their case.
const KEYWORDS = new Set([
  'y',
  'n',
  'yes',
  'no',
  'on',
  'off',
  'true',
  'false',
  'null',
]);
// Printable ASCII that starts with a letter, `_` or `/` (so never a number, a date, an
// indicator or a document marker, in YAML 1.1 or 1.2), single spaces between words...
const PLAIN_TEXT = /^[A-Za-z_/][!-~]*(?: [!-~]+)*$/;
// ...and nothing that would make a mapping or a comment of it: `: `, ` #`, a final `:`.
const NOT_PLAIN = /: | #|:$/;

/** A string that the package would write plain, as it is, in any block context. */
export function isPlainWord(value: string): boolean {
  return (
    PLAIN_TEXT.test(value) &&
    !NOT_PLAIN.test(value) &&
    !(value.length <= 5 && KEYWORDS.has(value.toLowerCase()))
  );
}

/**
 * The `yaml` package's own string tag, with a short cut: most strings here are names,
 * keys, paths and URLs that are plain in any YAML, and the package would test each
 * against every tag of both schemas (a third of the render time). Anything else goes
 * the package's own way.
 */
export const stringTagWithShortCut: typeof stringTag = {
  ...stringTag,
  stringify(item, ctx, onComment, onChompKeep) {
    const value = (item as { value?: unknown }).value;
    if (typeof value === 'string' && isPlainWord(value)) return value;
    return stringTag.stringify!(item, ctx, onComment, onChompKeep);
  },
};

// YAML 1.2 core with the short cut, checked against YAML 1.1 too. Built once: a document
// would otherwise build both tag lists again.
let sharedSchema: Schema | undefined;
export function yamlSchema(): Schema {
  sharedSchema ??= new Schema({
    schema: 'core',
    resolveKnownTags: true,
    compat: 'yaml-1.1',
    customTags: tags =>
      tags.map(t => (t === stringTag ? stringTagWithShortCut : t)),
  });
  return sharedSchema;
}

/** How every document is written: no directives, no line folding. */
export const TO_STRING_OPTIONS = {
  directives: false,
  lineWidth: 0,
  minContentWidth: 0,
} as const;
