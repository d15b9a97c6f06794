import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  compareSemver,
  describeWithStrimzi,
  strimziDir,
  strimziReleases,
} from './strimziDir';

const repoRoot = path.resolve(__dirname, '../../..');

type Call = [kind: string, name: string];

// Runs describeWithStrimzi against stand-in describe/it so its choice can be inspected.
function registrations(): { calls: Call[]; failure?: unknown } {
  const calls: Call[] = [];
  let failure: unknown;
  const saved = { describe: global.describe, it: global.it };
  const fakeDescribe = Object.assign(
    (name: string, fn: () => void) => {
      calls.push(['describe', name]);
      fn();
    },
    { skip: (name: string) => calls.push(['describe.skip', name]) },
  );
  const fakeIt = (name: string, fn: () => void) => {
    calls.push(['it', name]);
    try {
      fn();
    } catch (e) {
      failure = e;
    }
  };
  Object.assign(global, { describe: fakeDescribe, it: fakeIt });
  try {
    describeWithStrimzi('needs CRDs', () => calls.push(['body', 'ran']));
  } finally {
    Object.assign(global, saved);
  }
  return { calls, failure };
}

describe('strimziDir', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
    jest.restoreAllMocks();
  });

  it('resolves STRIMZI_DIR, or its default, from the repository root', () => {
    delete process.env.STRIMZI_DIR;
    expect(strimziDir()).toBe(path.resolve(repoRoot, '../shared/strimzi'));
    process.env.STRIMZI_DIR = 'some/where';
    expect(strimziDir()).toBe(path.join(repoRoot, 'some/where'));
    process.env.STRIMZI_DIR = '/abs/strimzi';
    expect(strimziDir()).toBe('/abs/strimzi');
  });

  it('orders versions numerically', () => {
    const versions = ['1.0.0', '0.9.0', '0.51.0', '0.45.0', '1.2.0'];
    expect([...versions].sort(compareSemver)).toEqual([
      '0.9.0',
      '0.45.0',
      '0.51.0',
      '1.0.0',
      '1.2.0',
    ]);
  });

  describe('with no CRDs folder', () => {
    beforeEach(() => {
      process.env.STRIMZI_DIR = path.join(repoRoot, 'no-such-strimzi-dir');
    });

    it('lists no releases', () => {
      expect(strimziReleases()).toEqual([]);
    });

    it('fails in CI with a hint about STRIMZI_DIR', () => {
      process.env.CI = 'true';
      const { calls, failure } = registrations();
      expect(calls).toEqual([
        ['describe', 'needs CRDs'],
        ['it', 'has the Strimzi CRDs folder'],
      ]);
      expect(String(failure)).toMatch(/CRDs folder missing.*STRIMZI_DIR/);
    });

    it('skips outside CI and says why, once', () => {
      delete process.env.CI;
      const write = jest
        .spyOn(process.stdout, 'write')
        .mockImplementation(() => true);
      expect(registrations().calls).toEqual([['describe.skip', 'needs CRDs']]);
      registrations();
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0][0])).toMatch(
        /^Skipping Strimzi CRD tests: .*STRIMZI_DIR.*\n$/,
      );
    });
  });

  it('lists release folders that hold crds/ and runs the tests', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strimzi-'));
    try {
      for (const release of ['0.10.0/crds', '0.9.0/crds', '0.2.0/examples']) {
        fs.mkdirSync(path.join(dir, release), { recursive: true });
      }
      process.env.STRIMZI_DIR = dir;
      expect(strimziReleases()).toEqual(['0.9.0', '0.10.0']);
      expect(registrations().calls).toEqual([
        ['describe', 'needs CRDs'],
        ['body', 'ran'],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
