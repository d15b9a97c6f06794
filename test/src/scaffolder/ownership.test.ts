import { clusterValues, ORDERS_BRANCH } from './clusterValues';
import { useScaffolderSuite } from './scaffolderSuite';
import { Caller, stepStatus, userEntity } from './testBackend';

/**
 * A signed-in user creates clusters only for a group they belong to. The form offers only
 * those groups (MyGroupsPicker, shown in the portal test); here the real backend is called
 * by hand, as a script could, and the render step refuses any other owner before anything
 * is pushed.
 */

const ALICE = 'user:default/alice'; // in orders
const BOB = 'user:default/bob'; // in payments and orders
const CAROL = 'user:default/carol'; // signed in, but not in the catalog

jest.setTimeout(60_000);

describe('who may own a new cluster', () => {
  const suite = useScaffolderSuite({
    users: [
      userEntity(ALICE, ['orders']),
      userEntity(BOB, ['payments', 'orders']),
    ],
  });

  it('creates the cluster for a group the user is a member of', async () => {
    const result = await suite.scaffolder.run(clusterValues(), { as: ALICE });
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(suite.repo.branches()).toContain(ORDERS_BRANCH);
  });

  it.each<[string, string, Caller, RegExp]>([
    [
      "another team's group",
      'group:default/payments',
      ALICE,
      /^owner: user:default\/alice is not a member of group:default\/payments, so it cannot create a cluster owned by it; pick one of your groups \(group:default\/orders\), or ask a member of group:default\/payments to create the cluster$/,
    ],
    [
      "another team's group written short",
      'payments',
      ALICE,
      /^owner: user:default\/alice is not a member of group:default\/payments, /,
    ],
    [
      'another user',
      BOB,
      ALICE,
      /^owner: user:default\/alice is not a member of user:default\/bob, /,
    ],
    [
      'any group, for a user the catalog does not know',
      'group:default/orders',
      CAROL,
      /^owner: user:default\/carol is not a member of group:default\/orders, .*user:default\/carol is not in the catalog, so it belongs to no group .*kafkaConnect\.ownership\.anyOwnerFor/,
    ],
    [
      'any group, for a call made by a backend service, not a user',
      'group:default/orders',
      { service: 'some-plugin' },
      /^owner: group:default\/orders cannot be checked because no signed-in user started this task/,
    ],
  ])(
    'refuses %s at the render step and pushes nothing',
    async (_, owner, as, message) => {
      const snapshot = suite.repo.snapshot();
      const result = await suite.scaffolder.run(
        clusterValues({ name: 'claimed', owner }),
        { as },
      );

      expect(result.status).toBe('failed');
      expect(stepStatus(result, 'render')).toBe('failed');
      expect(stepStatus(result, 'push')).toBe('skipped');
      expect(result.error?.message).toMatch(message);
      expect(suite.repo.snapshot()).toEqual(snapshot);
    },
  );

  it('refuses the same in a dry run (the template editor)', async () => {
    const { status, body } = await suite.scaffolder.dryRun(
      clusterValues({ owner: 'group:default/payments' }),
      { as: ALICE },
    );
    expect(status).toBe(400);
    expect(body.error?.message).toMatch(
      /^owner: user:default\/alice is not a member of group:default\/payments, /,
    );
    expect(body.directoryContents ?? []).toEqual([]);
  });

  it("lets a member of both groups create the other team's cluster", async () => {
    const result = await suite.scaffolder.run(
      clusterValues({ name: 'payments-cdc', owner: 'group:default/payments' }),
      { as: BOB },
    );
    expect(result.status).toBe('completed');
    expect(suite.repo.branches()).toContain('kafka-connect/payments-cdc');
  });
});

describe('a platform team allowed any owner (kafkaConnect.ownership.anyOwnerFor)', () => {
  const PLATFORM_ADMIN = 'user:default/pat'; // in platform
  const suite = useScaffolderSuite({
    users: [
      userEntity(PLATFORM_ADMIN, ['platform']),
      userEntity(ALICE, ['orders']),
    ],
    config: {
      kafkaConnect: { ownership: { anyOwnerFor: ['group:default/platform'] } },
    },
  });

  it("creates another team's cluster for a platform member, and logs why", async () => {
    const result = await suite.scaffolder.run(
      clusterValues({ owner: 'group:default/payments' }),
      { as: PLATFORM_ADMIN },
    );
    expect({ status: result.status, error: result.error }).toEqual({
      status: 'completed',
      error: undefined,
    });
    expect(result.log).toContain(
      'Owner group:default/payments is not a group of user:default/pat; allowed as group:default/platform is in kafkaConnect.ownership.anyOwnerFor',
    );
  });

  it('still refuses everyone else', async () => {
    const result = await suite.scaffolder.run(
      clusterValues({ name: 'claimed', owner: 'group:default/payments' }),
      { as: ALICE },
    );
    expect(result.status).toBe('failed');
    expect(result.error?.message).toMatch(
      /^owner: user:default\/alice is not a member of group:default\/payments, /,
    );
    expect(suite.repo.branches()).not.toContain('kafka-connect/claimed');
  });
});
