import { InputError } from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import {
  assertMayOwn,
  ownerRef,
  ownershipRefs,
  readAnyOwnerFor,
  TaskUser,
} from './ownership';

const alice: TaskUser = {
  ref: 'user:default/alice',
  entity: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'alice', namespace: 'default' },
    // spec.memberOf may name a group the catalog has not related yet, or a malformed entry.
    spec: { memberOf: ['Orders', 'group:platform/sre', 42, ':'] },
    relations: [
      { type: 'memberOf', targetRef: 'group:default/orders' },
      { type: 'memberOf', targetRef: 'group:default/data-platform' },
      { type: 'ownerOf', targetRef: 'group:default/payments' },
    ],
  },
};

function refusal(owner: string, user: TaskUser | undefined): string {
  try {
    assertMayOwn(owner, user);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    // No stack trace in the task log: the message is all the user needs.
    expect((error as Error).stack).toBe(
      `InputError: ${(error as Error).message}`,
    );
    return (error as Error).message;
  }
  throw new Error(`${owner} was accepted`);
}

describe('ownership of a new cluster', () => {
  it('reads owners the way catalog-info.yaml does: kind group and namespace default unless given', () => {
    expect(ownerRef('orders')).toBe('group:default/orders');
    expect(ownerRef('group:Orders')).toBe('group:default/orders');
    expect(ownerRef('user:platform/Bob')).toBe('user:platform/bob');
  });

  it("counts the user and the groups of the user's memberOf relations and spec.memberOf, nothing else", () => {
    expect(ownershipRefs(alice).sort()).toEqual([
      'group:default/data-platform',
      'group:default/orders',
      'group:platform/sre',
      'user:default/alice',
    ]);
    expect(ownershipRefs({ ref: 'user:default/bob' })).toEqual([
      'user:default/bob',
    ]);
  });

  it.each([
    'group:default/orders',
    'orders',
    'group:Data-Platform',
    'group:platform/sre',
    'user:default/alice',
  ])('lets alice give a cluster to %s', owner => {
    expect(() => assertMayOwn(owner, alice)).not.toThrow();
  });

  it("refuses another team's group, naming the field, the user and the groups to pick from", () => {
    expect(refusal('group:default/payments', alice)).toBe(
      'owner: user:default/alice is not a member of group:default/payments, so it cannot create a cluster owned by it; pick one of your groups (group:default/orders, group:default/data-platform, group:platform/sre), or ask a member of group:default/payments to create the cluster',
    );
  });

  it('refuses another user, and says what to do when the user is not in the catalog', () => {
    expect(refusal('user:default/alice', { ref: 'user:default/bob' })).toBe(
      "owner: user:default/bob is not a member of user:default/alice, so it cannot create a cluster owned by it; user:default/bob is not in the catalog, so it belongs to no group (groups are read from the catalog's User and Group entities, not from the sign-in's ownershipEntityRefs); to fix it, add a User entity user:default/bob to the catalog with its team's Group in spec.memberOf; or list the user, or a group of theirs, in kafkaConnect.ownership.anyOwnerFor (members may name any owner), or ask a member of user:default/alice to create the cluster",
    );
  });

  it("tells a fresh app's guest (user:development/guest) how to get a group", () => {
    expect(
      refusal('group:default/guests', { ref: 'user:development/guest' }),
    ).toBe(
      "owner: user:development/guest is not a member of group:default/guests, so it cannot create a cluster owned by it; user:development/guest is not in the catalog, so it belongs to no group (groups are read from the catalog's User and Group entities, not from the sign-in's ownershipEntityRefs); to fix it, for the guest sign-in, set auth.providers.guest.userEntityRef to a catalog user who is a member of a group (create-app's examples/org.yaml has user:default/guest in group:default/guests); or add a User entity user:development/guest to the catalog with its team's Group in spec.memberOf; or list the user, or a group of theirs, in kafkaConnect.ownership.anyOwnerFor (members may name any owner), or ask a member of group:default/guests to create the cluster",
    );
  });

  it('says to add a catalog user without groups to its team', () => {
    const loner = {
      ref: 'user:default/dana',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'dana', namespace: 'default' },
        spec: {},
      },
    };
    expect(refusal('orders', loner)).toMatch(
      /user:default\/dana belongs to no group in the catalog .*add user:default\/dana to its team's Group in the catalog \(spec\.memberOf of the User, or spec\.members of the Group\); or list the user, or a group of theirs, in kafkaConnect\.ownership\.anyOwnerFor/,
    );
  });

  it('refuses when no signed-in user started the task', () => {
    expect(refusal('orders', undefined)).toMatch(
      /^owner: group:default\/orders cannot be checked because no signed-in user started this task/,
    );
    expect(refusal('orders', {})).toMatch(/no signed-in user/);
  });

  it('lets members of kafkaConnect.ownership.anyOwnerFor give any owner, and says which ref let them', () => {
    const anyOwnerFor = readAnyOwnerFor(
      new ConfigReader({
        kafkaConnect: { ownership: { anyOwnerFor: ['Data-Platform'] } },
      }),
    );
    expect(anyOwnerFor).toEqual(['group:default/data-platform']);
    expect(assertMayOwn('group:default/payments', alice, anyOwnerFor)).toEqual({
      by: 'anyOwnerFor',
      ref: 'group:default/data-platform',
    });
    expect(assertMayOwn('orders', alice, anyOwnerFor)).toEqual({
      by: 'membership',
    });
    expect(() =>
      assertMayOwn('payments', { ref: 'user:default/bob' }, anyOwnerFor),
    ).toThrow(/^owner: user:default\/bob is not a member of/);
  });

  it('stops at start on a malformed anyOwnerFor ref, naming the key', () => {
    expect(() =>
      readAnyOwnerFor(
        new ConfigReader({
          kafkaConnect: { ownership: { anyOwnerFor: [':'] } },
        }),
      ),
    ).toThrow(
      'kafkaConnect.ownership.anyOwnerFor: ":" is not an entity ref such as group:default/platform',
    );
    expect(readAnyOwnerFor(undefined)).toEqual([]);
  });
});
