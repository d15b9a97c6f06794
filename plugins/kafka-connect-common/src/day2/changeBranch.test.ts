import { CHANGE_BRANCH_PREFIX, changeBranch } from './changeBranch';

describe('changeBranch', () => {
  it("is the prefix and the cluster's folder", () => {
    expect(changeBranch('clusters/prod/orders')).toBe(
      'kafka-connect-change/clusters/prod/orders',
    );
    expect(changeBranch('x').startsWith(CHANGE_BRANCH_PREFIX)).toBe(true);
  });
});
