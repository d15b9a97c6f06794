/**
 * The one quoting function for POSIX sh. Every word that reaches a shell line in the
 * rendered Dockerfile goes through it (the serialiser in shellCommands.ts calls it), so
 * the question "is this value quoted?" has a single answer.
 *
 * Style: single quotes. Inside '...' sh gives no character a meaning, so `;`, `&&`, `|`,
 * `"`, globs, `~`, `#`, spaces and line breaks are all plain text there and nothing is
 * rejected. A few characters are written as backslash escapes between the quoted runs
 * instead: `'` because it cannot appear inside '...' (it's becomes 'it'\''s'); `$` and
 * `` ` `` because shellcheck reads them inside single quotes as a probable mistake
 * (SC2016, "expressions don't expand"), while `\$` says "literal" to a reader and to
 * shellcheck alike; and a backslash that would end a quoted run, since '...\' reads as
 * a failed attempt to escape the quote (SC1003) and, at the very end of a word, as a
 * Dockerfile line continuation. A word never ends in a backslash: '' closes it.
 * Docker's own lexer (LABEL, ENV values) reads all of this exactly as sh does.
 *
 * Line breaks are quoted correctly for sh, but a Dockerfile splits instructions on
 * them before any shell runs; the RUN serialiser (instructions.ts) takes care of that,
 * and the values checks upstream refuse line breaks in names and URLs anyway.
 * NUL cannot be part of any process argument; sh drops it. The values checks refuse
 * control characters, so it never gets here.
 */

/** Characters no POSIX shell treats specially: a word made only of them may stay bare. */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A run of characters that go inside '...', or one written as `\x` outside. */
const RUN_OR_ESCAPED = /([^'$`]+)|(['$`])/g;

/**
 * Words that sh reads as syntax when they stand where a command name is expected
 * (POSIX reserved words), so they must be quoted there even though every character
 * is safe.
 */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'case',
  'do',
  'done',
  'elif',
  'else',
  'esac',
  'fi',
  'for',
  'if',
  'in',
  'then',
  'until',
  'while',
]);

/**
 * Where the word stands. `argument` is the normal case. `command` is the command name
 * (and the word list of a `for` loop): there sh also recognises reserved words, and
 * `name=value` becomes a variable assignment instead of a command, so such words are
 * quoted too.
 */
export type WordPosition = 'argument' | 'command';

/**
 * Quotes one word for POSIX sh so that sh reads back exactly `word` as one field.
 * Words made only of [A-Za-z0-9_@%+=:,./-] stay bare to keep the Dockerfile readable;
 * everything else, including the empty word, is single-quoted as described above.
 */
export function shellQuote(
  word: string,
  position: WordPosition = 'argument',
): string {
  if (SAFE_WORD.test(word) && !needsQuotesAt(word, position)) return word;
  if (word === '') return "''";
  const quoted = word.replace(
    RUN_OR_ESCAPED,
    (_match, run: string | undefined, special: string | undefined) =>
      run !== undefined ? quoteRun(run) : `\\${special}`,
  );
  return quoted.endsWith('\\') ? `${quoted}''` : quoted;
}

/** `'run'`, with backslashes at its end moved outside as `\\`. */
function quoteRun(run: string): string {
  const body = run.replace(/\\+$/, '');
  const trailing = '\\\\'.repeat(run.length - body.length);
  return body ? `'${body}'${trailing}` : trailing;
}

function needsQuotesAt(word: string, position: WordPosition): boolean {
  if (position === 'argument') return false;
  return RESERVED_WORDS.has(word) || word.includes('=');
}
