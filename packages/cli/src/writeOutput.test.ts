import nodeFs, { promises as fs } from 'node:fs';
import path from 'node:path';
import { UsageError } from './errors';
import { inspectOutDir } from './outDir';
import { readTree, tempDir } from './__testUtils__';
import { checkRenderedPaths, writeOutput } from './writeOutput';

const FILES = [
  { path: 'Chart.yaml', content: 'name: a\n' },
  { path: 'connect-cluster.yaml', content: 'name: a\n' },
  { path: 'templates/kafka-connect.yaml', content: 'kind: KafkaConnect\n' },
];

function text(tree: Map<string, Buffer>): Record<string, string> {
  return Object.fromEntries([...tree].map(([p, b]) => [p, b.toString('utf8')]));
}

describe('writeOutput', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  it('creates the folder and its missing parents, leaving nothing else behind', async () => {
    const out = path.join(root, 'clusters', 'payments');
    await writeOutput(out, 'out', FILES, root);
    expect(text(await readTree(out))).toEqual({
      'Chart.yaml': 'name: a\n',
      'connect-cluster.yaml': 'name: a\n',
      'templates/kafka-connect.yaml': 'kind: KafkaConnect\n',
    });
    expect(await fs.readdir(path.join(root, 'clusters'))).toEqual(['payments']);
  });

  it('fills an empty folder', async () => {
    const out = path.join(root, 'out');
    await fs.mkdir(out);
    await writeOutput(out, 'out', FILES, root);
    expect([...(await readTree(out)).keys()]).toHaveLength(3);
  });

  it('replaces a previous render whole, dropping files the new render lacks', async () => {
    const out = path.join(root, 'out');
    await writeOutput(
      out,
      'out',
      [...FILES, { path: 'Dockerfile', content: 'FROM x\n' }],
      root,
    );
    await writeOutput(out, 'out', FILES, root);
    expect([...(await readTree(out)).keys()]).toEqual([
      'Chart.yaml',
      'connect-cluster.yaml',
      'templates/kafka-connect.yaml',
    ]);
    expect(await fs.readdir(root)).toEqual(['out']);
  });

  it('refuses a non-empty folder that is not a previous render, and leaves it alone', async () => {
    const out = path.join(root, 'out');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'notes.txt'), 'mine');
    await expect(writeOutput(out, 'out', FILES, root)).rejects.toThrow(
      new UsageError(
        '--out out is not empty and holds no connect-cluster.yaml, so it is not a previous render; pick a new or empty folder',
      ),
    );
    expect(text(await readTree(out))).toEqual({ 'notes.txt': 'mine' });
    expect(await fs.readdir(root)).toEqual(['out']);
  });

  it('refuses a folder holding a Git repository, a file, a symbolic link and the current folder', async () => {
    const repo = path.join(root, 'repo');
    await fs.mkdir(path.join(repo, '.git'), { recursive: true });
    await fs.writeFile(path.join(repo, 'connect-cluster.yaml'), 'name: a\n');
    await expect(inspectOutDir(repo, 'repo', root)).rejects.toThrow(
      /holds a Git repository/,
    );

    const file = path.join(root, 'file');
    await fs.writeFile(file, '');
    await expect(inspectOutDir(file, 'file', root)).rejects.toThrow(
      /exists and is not a folder/,
    );

    const link = path.join(root, 'link');
    await fs.symlink(repo, link);
    await expect(inspectOutDir(link, 'link', root)).rejects.toThrow(
      /is a symbolic link/,
    );

    await expect(inspectOutDir(root, '.', root)).rejects.toThrow(
      /is the current folder or holds it/,
    );
    await expect(
      inspectOutDir(root, '..', path.join(root, 'sub')),
    ).rejects.toThrow(/is the current folder or holds it/);
  });

  it('leaves a previous render untouched and no temporary folder when writing fails', async () => {
    const out = path.join(root, 'out');
    await writeOutput(out, 'out', FILES, root);
    const before = await readTree(out);

    const realWriteFile = nodeFs.writeFileSync;
    let calls = 0;
    const spy = jest
      .spyOn(nodeFs, 'writeFileSync')
      .mockImplementation((...args) => {
        calls += 1;
        if (calls === 2) {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        }
        return realWriteFile(
          ...(args as Parameters<typeof nodeFs.writeFileSync>),
        );
      });
    try {
      await expect(
        writeOutput(
          out,
          'out',
          [
            { path: 'connect-cluster.yaml', content: 'new\n' },
            ...FILES.slice(0, 1),
          ],
          root,
        ),
      ).rejects.toThrow(
        new UsageError('cannot write next to --out out: ENOSPC'),
      );
    } finally {
      spy.mockRestore();
    }
    expect(await readTree(out)).toEqual(before);
    expect(await fs.readdir(root)).toEqual(['out']);
  });
});

describe('writeOutput with the previous files (upgrade)', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir: root, cleanup } = await tempDir());
  });
  afterEach(() => cleanup());

  const inode = async (file: string) => (await fs.stat(file)).ino;
  /** The paths whose text `next` keeps from `before`: what upgrade passes. */
  const unchangedOf = (before: typeof FILES, next: typeof FILES) =>
    new Set(
      next
        .filter(f =>
          before.some(b => b.path === f.path && b.content === f.content),
        )
        .map(f => f.path),
    );
  const NEXT = [
    FILES[0],
    { path: 'connect-cluster.yaml', content: 'name: b\n' },
    FILES[2],
  ];

  it('carries files that keep their text over (the same file), writes the others', async () => {
    const out = path.join(root, 'out');
    await writeOutput(out, 'out', FILES, root);
    const chart = await inode(path.join(out, 'Chart.yaml'));
    const connect = await inode(path.join(out, 'templates/kafka-connect.yaml'));
    const values = await inode(path.join(out, 'connect-cluster.yaml'));

    await writeOutput(out, 'out', NEXT, root, unchangedOf(FILES, NEXT));
    expect(text(await readTree(out))).toEqual({
      'Chart.yaml': 'name: a\n',
      'connect-cluster.yaml': 'name: b\n',
      'templates/kafka-connect.yaml': 'kind: KafkaConnect\n',
    });
    expect(await inode(path.join(out, 'Chart.yaml'))).toBe(chart);
    expect(await inode(path.join(out, 'templates/kafka-connect.yaml'))).toBe(
      connect,
    );
    expect(await inode(path.join(out, 'connect-cluster.yaml'))).not.toBe(
      values,
    );
    expect((await fs.stat(path.join(out, 'Chart.yaml'))).nlink).toBe(1);
    expect(await fs.readdir(root)).toEqual(['out']);
  });

  it('writes a file again when carrying it over would not give what a write gives', async () => {
    const out = path.join(root, 'out');
    await writeOutput(out, 'out', FILES, root);
    const fresh = (await fs.stat(path.join(out, 'connect-cluster.yaml'))).mode;
    // Another mode, another link to it, other text than the folder held when read.
    await fs.chmod(path.join(out, 'Chart.yaml'), 0o755);
    await fs.link(
      path.join(out, 'templates/kafka-connect.yaml'),
      path.join(root, 'elsewhere.yaml'),
    );
    const unchanged = unchangedOf(FILES, FILES);
    await fs.writeFile(path.join(out, 'connect-cluster.yaml'), 'edited\n');
    const before = {
      chart: await inode(path.join(out, 'Chart.yaml')),
      connect: await inode(path.join(out, 'templates/kafka-connect.yaml')),
    };

    await writeOutput(out, 'out', FILES, root, unchanged);
    expect(text(await readTree(out))).toEqual({
      'Chart.yaml': 'name: a\n',
      'connect-cluster.yaml': 'name: a\n',
      'templates/kafka-connect.yaml': 'kind: KafkaConnect\n',
    });
    for (const file of await fs.readdir(out)) {
      if (file === 'templates') continue;
      expect((await fs.stat(path.join(out, file))).mode).toBe(fresh);
    }
    expect(await inode(path.join(out, 'Chart.yaml'))).not.toBe(before.chart);
    expect(
      await inode(path.join(out, 'templates/kafka-connect.yaml')),
    ).not.toBe(before.connect);
    expect(await fs.readFile(path.join(root, 'elsewhere.yaml'), 'utf8')).toBe(
      'kind: KafkaConnect\n',
    );
  });

  it('ignores the previous files when the folder is new', async () => {
    const out = path.join(root, 'out');
    await writeOutput(out, 'out', FILES, root, unchangedOf(FILES, FILES));
    expect(text(await readTree(out))).toEqual(
      Object.fromEntries(FILES.map(f => [f.path, f.content])),
    );
  });
});

describe('checkRenderedPaths', () => {
  it.each([
    ['../escape.yaml'],
    ['/etc/passwd'],
    ['templates//x.yaml'],
    ['./x.yaml'],
    ['templates\\x.yaml'],
    [''],
  ])('rejects the unsafe path %j', p => {
    expect(() => checkRenderedPaths([{ path: p, content: '' }])).toThrow(
      /unsafe file path/,
    );
  });

  it('rejects a path given twice or used as file and folder', () => {
    expect(() =>
      checkRenderedPaths([
        { path: 'a.yaml', content: '' },
        { path: 'a.yaml', content: '' },
      ]),
    ).toThrow(/twice/);
    expect(() =>
      checkRenderedPaths([
        { path: 'templates', content: '' },
        { path: 'templates/a.yaml', content: '' },
      ]),
    ).toThrow(/as a file and a folder/);
  });

  it('accepts ordinary paths, and is not a usage error', () => {
    expect(() => checkRenderedPaths(FILES)).not.toThrow();
    expect(() => checkRenderedPaths([{ path: '..', content: '' }])).toThrow(
      Error,
    );
    expect(() => checkRenderedPaths([{ path: '..', content: '' }])).not.toThrow(
      UsageError,
    );
  });
});
