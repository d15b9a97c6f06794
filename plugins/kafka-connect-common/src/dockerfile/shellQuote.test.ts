import { execFileSync } from 'node:child_process';
import { shellQuote } from './shellQuote';

/** Strings that would break or hijack a shell line if they were pasted in unquoted. */
const HOSTILE: Array<[string, string]> = [
  ['newline', 'a\nb'],
  ['carriage return and trailing newline', 'a\r\nb\n'],
  ['command substitution', '$(id)'],
  ['backticks', '`id`'],
  ['variable', '$HOME ${HOME}'],
  ['single quote', "it's"],
  ['only single quotes', "'''"],
  ['double quote', 'say "hi"'],
  ['backslash', 'a\\b\\'],
  ['backslash before quote', "\\'"],
  ['semicolon', 'a; rm -rf /'],
  ['and-and', 'true && id'],
  ['pipe', 'a | id'],
  ['glob star', '*'],
  ['glob class', '[a-z]?'],
  ['tilde', '~'],
  ['tilde user', '~root/x'],
  ['hash', '# not a comment'],
  ['hash in word', 'a#b'],
  ['leading dash', '-n'],
  ['leading double dash', '--help'],
  ['empty string', ''],
  ['spaces only', '   '],
  ['tab', 'a\tb'],
  ['braces', '{a,b}'],
  ['redirections', '<in >out 2>&1'],
  ['background', 'sleep 1 &'],
  ['bang', '!x'],
  ['assignment-like', 'A=b'],
  ['percent format', '%s %d %%'],
  ['unicode', 'grüße 日本語 🚀'],
  ['unicode spaces', 'a\u00a0b\u2028c'],
  ['control characters', '\u0001\u001b[31m\u007f'],
  ['10k characters', "x'$`\\\n".repeat(2000)],
];

function printedBy(shell: string, script: string): string {
  return execFileSync(shell, ['-c', script], { encoding: 'utf8' });
}

describe('shellQuote', () => {
  // sh is dash on Debian; the Strimzi image's /bin/sh is bash. Both must read the same word.
  describe.each(['sh', 'bash'])('read back by %s', shell => {
    it.each(HOSTILE)('%s', (_label, input) => {
      expect(printedBy(shell, `printf '%s' ${shellQuote(input)}`)).toBe(input);
    });

    it('keeps words apart: each quoted word is exactly one argument', () => {
      const words = ['a b', '', "c'd", '*', '$(id)'];
      const script = `printf '[%s]' ${words.map(w => shellQuote(w)).join(' ')}`;
      expect(printedBy(shell, script)).toBe(words.map(w => `[${w}]`).join(''));
    });
  });

  it('leaves words of safe characters bare, for readability', () => {
    for (const word of [
      'curl',
      '-fsSL',
      'https://repo1.maven.org/maven2/a/b/1.0/b-1.0.jar',
      'a+b@c%d=e:f,g.h_i-j/k',
    ]) {
      expect(shellQuote(word)).toBe(word);
    }
  });

  it("single-quotes everything else, writing ' $ ` and run-ending  as escapes", () => {
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(id)')).toBe("\\$'(id)'");
    expect(shellQuote('`id`')).toBe("\\`'id'\\`");
    expect(shellQuote('%s\\n')).toBe("'%s\\n'");
    expect(shellQuote("a\\'b")).toBe("'a'\\\\\\''b'");
  });

  it('never ends on a backslash, which would continue a Dockerfile line', () => {
    expect(shellQuote('a\\')).toBe("'a'\\\\''");
    for (const [, input] of HOSTILE) {
      expect(shellQuote(input).endsWith('\\')).toBe(false);
    }
  });

  it('quotes reserved words and assignments where a command name stands', () => {
    expect(shellQuote('if', 'command')).toBe("'if'");
    expect(shellQuote('done', 'command')).toBe("'done'");
    expect(shellQuote('A=b', 'command')).toBe("'A=b'");
    expect(shellQuote('curl', 'command')).toBe('curl');
    // As arguments they mean nothing special.
    expect(shellQuote('if')).toBe('if');
    expect(shellQuote('A=b')).toBe('A=b');
  });

  it('makes a quoted reserved word run as a command, not parse as syntax', () => {
    // `if` bare would be a syntax error; quoted it is a (missing) command: status 127.
    const script = `${shellQuote('if', 'command')} 2>/dev/null; echo $?`;
    expect(printedBy('sh', script).trim()).toBe('127');
  });
});
