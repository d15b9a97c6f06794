import { assertMayChangeCluster, readExistingCluster } from './existingCluster';
import { TaskUser } from './ownership';

const PLACE = {
  folder: 'clusters/prod/orders',
  ref: 'branch main',
  repository: 'github.com/acme/gitops',
};
const member = (name: string, groups: string[]): TaskUser => ({
  ref: `user:default/${name}`,
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    relations: groups.map(g => ({
      type: 'memberOf',
      targetRef: `group:default/${g}`,
    })),
  },
});
const ORDERS = 'name: orders\nnamespace: streaming\nowner: Orders\n';

const check = (
  user: TaskUser | undefined,
  incomingOwner: string | undefined = 'group:default/orders',
  anyOwnerFor: string[] = [],
  existingText = ORDERS,
) =>
  assertMayChangeCluster({
    existingText,
    place: PLACE,
    incomingOwner,
    user,
    anyOwnerFor,
  });

describe('who may change a cluster already in the repository', () => {
  it('reads the owner as catalog-info.yaml does, and the name and namespace when there', () => {
    expect(readExistingCluster(ORDERS, PLACE)).toEqual({
      owner: 'group:default/orders',
      identity: { name: 'orders', namespace: 'streaming' },
    });
    expect(readExistingCluster('owner: user:default/Ann\n', PLACE)).toEqual({
      owner: 'user:default/ann',
      identity: undefined,
    });
  });

  it.each([
    [
      'name: [orders\n',
      /^clusters\/prod\/orders\/connect-cluster\.yaml on branch main of github\.com\/acme\/gitops is not valid YAML \(/,
    ],
    ['- orders\n', /is not a mapping of cluster values, /],
    ['', /is not a mapping of cluster values, /],
    ['name: orders\nowner: ""\n', /names no owner, /],
    ['name: orders\nowner: 42\n', /names no owner, /],
    ['owner: "::"\n', /has an owner that is no entity ref \("::"\), /],
  ])('fails closed on %j', (text, message) => {
    let error: Error | undefined;
    try {
      readExistingCluster(text, PLACE);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe('ConflictError');
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(
      /so who owns the cluster there cannot be checked and it is not replaced/,
    );
  });

  it('lets a member of the owner change it, with no note', () => {
    expect(check(member('ann', ['orders']))).toEqual({
      owner: 'group:default/orders',
      notes: [],
    });
  });

  it('refuses a user outside the owner, naming the cluster, the owner and the way on', () => {
    expect(() =>
      check(member('al', ['payments']), 'group:default/payments'),
    ).toThrow(
      'The Kafka Connect cluster streaming/orders in clusters/prod/orders on branch main of github.com/acme/gitops is owned by group:default/orders, and user:default/al is not a member of group:default/orders, so it cannot change that cluster: ask a member of group:default/orders to make the change, or a platform engineer',
    );
  });

  it("tells a user in no group (a fresh app's guest) how to get one", () => {
    expect(() => check({ ref: 'user:development/guest' })).toThrow(
      "so it cannot change that cluster: ask a member of group:default/orders to make the change, or a platform engineer. user:development/guest is not in the catalog, so it belongs to no group (groups are read from the catalog's User and Group entities, not from the sign-in's ownershipEntityRefs); to fix it, for the guest sign-in, set auth.providers.guest.userEntityRef",
    );
  });

  it('needs both owners for a move', () => {
    expect(() =>
      check(member('ann', ['orders']), 'group:default/payments'),
    ).toThrow(
      'owner: user:default/ann is not a member of group:default/payments, so it cannot move the cluster of group:default/orders to it; pick one of your groups (group:default/orders), or ask a member of group:default/payments to take the cluster over',
    );
    expect(check(member('bo', ['orders', 'payments']), 'payments').owner).toBe(
      'group:default/orders',
    );
  });

  it('lets anyOwnerFor members change and move any cluster, with a note for each', () => {
    expect(
      check(member('pia', ['platform']), 'payments', ['group:default/platform'])
        .notes,
    ).toEqual([
      'user:default/pia may change the cluster of group:default/orders in clusters/prod/orders on branch main of github.com/acme/gitops: group:default/platform is in kafkaConnect.ownership.anyOwnerFor',
      'user:default/pia may give the cluster to group:default/payments: group:default/platform is in kafkaConnect.ownership.anyOwnerFor',
    ]);
  });

  it('moves nothing when the new files name no owner, and refuses a malformed one', () => {
    expect(check(member('ann', ['orders']), undefined).owner).toBe(
      'group:default/orders',
    );
    expect(() => check(member('ann', ['orders']), ':')).toThrow(
      'owner: ":" is not an entity ref such as group:default/orders',
    );
  });

  it('refuses a task without a signed-in user', () => {
    expect(() => check(undefined)).toThrow(
      /is owned by group:default\/orders, which cannot be checked because no signed-in user started this task/,
    );
    expect(() => check({})).toThrow(/no signed-in user/);
  });
});
