import fs from 'node:fs/promises';
import { makeTempDir, removeTempDir } from '../__testUtils__/actionContext';
import {
  cleanGitOutput,
  createGit,
  gitEnvironment,
  GitCommandError,
} from './git';

describe('cleanGitOutput', () => {
  it('drops hints and blank lines and masks credentials', () => {
    expect(
      cleanGitOutput(
        "hint: try this\n\nfatal: unable to access 'https://user:tok3n@example.com/r.git/': 403\n",
      ),
    ).toBe("fatal: unable to access 'https://***@example.com/r.git/': 403");
  });

  it('keeps long output short', () => {
    expect(cleanGitOutput('x'.repeat(5000))).toHaveLength(2001);
  });
});

describe('gitEnvironment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('isolates git from the user, the system and an outer repository', () => {
    process.env.GIT_DIR = '/somewhere/.git';
    process.env.GIT_CONFIG_GLOBAL = '/home/me/.gitconfig';
    process.env.GIT_SSH_COMMAND = 'ssh -i key';
    const env = gitEnvironment('/tmp/home');
    expect(env).toMatchObject({
      HOME: '/tmp/home',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
    });
    expect(env.GIT_DIR).toBeUndefined();
    expect(env.GIT_CONFIG_GLOBAL).toBeUndefined();
    expect(env.GIT_SSH_COMMAND).toBe('ssh -i key');
  });
});

describe('createGit', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('passes arguments without a shell', async () => {
    const git = createGit({ cwd: dir, home: dir });
    await git(['init', '--quiet']);
    await fs.writeFile(`${dir}/a`, 'a');
    const { stdout } = await git(['hash-object', '--', 'a; touch pwned']).catch(
      e => ({ stdout: String(e) }),
    );
    expect(stdout).toMatch(/a; touch pwned/);
    await expect(fs.stat(`${dir}/pwned`)).rejects.toThrow();
  });

  it("turns a failure into an error with git's words and no stack", async () => {
    const git = createGit({ cwd: dir, home: dir });
    await git(['init', '--quiet']);
    const error = await git(['rev-parse', 'no-such-ref'], {
      what: 'Looking up',
    }).catch(e => e);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(error.message).toMatch(
      /^Looking up: fatal: ambiguous argument 'no-such-ref'/,
    );
    expect(error.stack).toBe(`GitCommandError: ${error.message}`);
  });

  it('returns allowed exit codes as answers', async () => {
    const git = createGit({ cwd: dir, home: dir });
    await git(['init', '--quiet']);
    const result = await git(['cat-file', '-e', 'HEAD:nothing'], {
      allowExitCodes: [128],
    });
    expect(result.exitCode).toBe(128);
  });
});
