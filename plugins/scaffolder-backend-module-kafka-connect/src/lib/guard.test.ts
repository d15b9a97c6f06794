import { guardProblem, identityFromYaml } from './guard';

const ORDERS = { name: 'orders', namespace: 'streaming' };

describe('guardProblem', () => {
  it('lets a new folder and the same cluster through', () => {
    expect(
      guardProblem({ kind: 'missing' }, 'c/o', 'branch main', ORDERS),
    ).toBeUndefined();
    expect(
      guardProblem(
        {
          kind: 'folder',
          clusterFile: 'name: orders\nnamespace: streaming\nreplicas: 3\n',
        },
        'c/o',
        'branch main',
        ORDERS,
      ),
    ).toBeUndefined();
  });

  it('names the folder, the branch and the cluster already there', () => {
    expect(
      guardProblem(
        {
          kind: 'folder',
          clusterFile: 'name: payments\nnamespace: streaming\n',
        },
        'c/o',
        'branch main',
        ORDERS,
      ),
    ).toMatch(
      /^The folder c\/o on branch main already holds the Kafka Connect cluster streaming\/payments; these files are for streaming\/orders\./,
    );
  });

  it('refuses a file, a folder of other files and an unreadable cluster file', () => {
    expect(
      guardProblem({ kind: 'file' }, 'c/o', 'branch main', ORDERS),
    ).toMatch(/is a file/);
    expect(
      guardProblem({ kind: 'folder' }, 'c/o', 'branch main', ORDERS),
    ).toMatch(/no connect-cluster\.yaml/);
    expect(
      guardProblem(
        { kind: 'folder', clusterFile: ': : :' },
        'c/o',
        'branch main',
        ORDERS,
      ),
    ).toMatch(/no name and namespace/);
    expect(
      guardProblem(
        { kind: 'folder', clusterFile: '- a list\n' },
        'c/o',
        'branch main',
        ORDERS,
      ),
    ).toMatch(/no name and namespace/);
  });
});

describe('identityFromYaml', () => {
  it('reads name and namespace only when both are strings', () => {
    expect(identityFromYaml('name: a\nnamespace: b\nother: 1\n')).toEqual({
      name: 'a',
      namespace: 'b',
    });
    expect(identityFromYaml('name: a\n')).toBeUndefined();
    expect(identityFromYaml('name: 1\nnamespace: b\n')).toBeUndefined();
    expect(identityFromYaml('')).toBeUndefined();
  });
});
