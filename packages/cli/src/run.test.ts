import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runCli, tempDir } from './__testUtils__';
import { USAGE } from './usage';

describe('run', () => {
  let cwd: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: cwd, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  it('prints the usage on stdout for --help and -h, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      expect(await runCli(['render', flag], cwd)).toEqual({
        code: 0,
        stdout: USAGE,
        stderr: '',
      });
    }
  });

  it.each([
    [
      [],
      'missing command: render, manifests, validate, import, upgrade or diff',
    ],
    [
      ['apply', '--values', 'v.yaml'],
      'unknown command "apply": use render, manifests, validate, import, upgrade or diff',
    ],
    [['render', '--values', 'v.yaml'], 'render needs --out DIR'],
    [['validate', '--values', 'v.yaml', '--force'], 'unknown option --force'],
    [
      ['render', '--values', 'v.yaml', '--out', 'o', '--layout', 'argo'],
      '--layout must be helm or kustomize, not "argo"',
    ],
  ])('exits 2 on bad usage %j', async (argv, message) => {
    expect(await runCli(argv, cwd)).toEqual({
      code: 2,
      stdout: '',
      stderr: `connect-skeleton: ${message}\nRun 'connect-skeleton --help' for usage.\n`,
    });
  });

  it('exits 2 when the values file cannot be read', async () => {
    expect(
      await runCli(['manifests', '--values', 'missing.yaml'], cwd),
    ).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'connect-skeleton: cannot read values file missing.yaml: no such file\n',
    });
  });

  it('exits 1 on a YAML syntax error, naming line and column: stdout for validate, stderr otherwise', async () => {
    await fs.writeFile(
      path.join(cwd, 'v.yaml'),
      'name: a\nnamespace: [b\nowner: c\n',
    );
    const line = /^values: invalid YAML in v\.yaml at \d+:\d+: .+\n$/;

    const validate = await runCli(['validate', '--values', 'v.yaml'], cwd);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(line);
    expect(validate.stderr).toBe('');

    const manifests = await runCli(['manifests', '--values', 'v.yaml'], cwd);
    expect(manifests).toEqual({ code: 1, stdout: '', stderr: validate.stdout });

    const render = await runCli(
      ['render', '--values', 'v.yaml', '--out', 'out'],
      cwd,
    );
    expect(render).toEqual({ code: 1, stdout: '', stderr: validate.stdout });
    expect(await fs.readdir(cwd)).toEqual(['v.yaml']);
  });

  it('exits 1 for a multi-document file or a top-level list', async () => {
    await fs.writeFile(path.join(cwd, 'two.yaml'), 'name: a\n---\nname: b\n');
    await fs.writeFile(path.join(cwd, 'list.yaml'), '- name: a\n');
    expect(await runCli(['validate', '--values', 'two.yaml'], cwd)).toEqual({
      code: 1,
      stdout:
        'values: two.yaml holds 2 YAML documents; put the values of one cluster in a file of its own\n',
      stderr: '',
    });
    expect(
      await runCli(['validate', '--values', 'list.yaml'], cwd),
    ).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^values: list\.yaml must hold one mapping .*found a list\n$/,
      ),
    });
  });

  it('refuses to render into a non-empty folder that is not a previous render: exit 2, folder untouched', async () => {
    await fs.mkdir(path.join(cwd, 'out'));
    await fs.writeFile(path.join(cwd, 'out', 'keep.txt'), 'mine');
    await fs.writeFile(path.join(cwd, 'v.yaml'), 'name: a\n');
    const result = await runCli(
      ['render', '--values', 'v.yaml', '--out', 'out'],
      cwd,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^connect-skeleton: --out out is not empty and holds no connect-cluster\.yaml/,
    );
    expect(await fs.readdir(path.join(cwd, 'out'))).toEqual(['keep.txt']);
  });
});
