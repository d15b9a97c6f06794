import { dockerfileInstructions, runScripts } from './runScripts';

describe('runScripts', () => {
  it('joins continuation lines the way Docker does and skips comments', () => {
    const dockerfile = [
      '# header',
      'FROM x',
      'RUN a \\',
      '    && b \\  ',
      '# dropped inside a continued instruction',
      '    && c',
      '',
      'RUN d',
      'USER 1001',
      '',
    ].join('\n');
    expect(runScripts(dockerfile)).toEqual(['a     && b     && c', 'd']);
  });

  it('lets a trailing backslash swallow blank lines, comments and the next instruction, as Docker does', () => {
    const dockerfile = 'RUN a \\\n\n# comment\nUSER 1001\n';
    expect(dockerfileInstructions(dockerfile)).toEqual(['RUN a USER 1001']);
  });

  it('takes the script of the exec form', () => {
    const line = `RUN ${JSON.stringify([
      '/bin/sh',
      '-c',
      "printf '%s' 'a\nb'",
    ])}`;
    expect(runScripts(`FROM x\n${line}\n`)).toEqual(["printf '%s' 'a\nb'"]);
  });
});
