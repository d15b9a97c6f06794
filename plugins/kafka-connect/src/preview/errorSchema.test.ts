import { withProblems } from './errorSchema';
import { LocatedProblem } from './problemPaths';

describe('withProblems', () => {
  const problem: LocatedProblem = {
    path: 'kafka.bootstrapServers',
    segments: ['kafka', 'bootstrapServers'],
    message:
      'must be host:port[,host:port], for example my-cluster-kafka-bootstrap.kafka.svc:9093',
  };

  it("replaces the validator's words at a field that has a problem", () => {
    const tree = withProblems(
      {
        kafka: {
          bootstrapServers: {
            __errors: ['is not written in the expected form'],
          },
        },
      },
      [problem],
      () => false,
    );
    expect(tree).toEqual({
      kafka: { bootstrapServers: { __errors: [problem.message] } },
    });
  });

  it("keeps the validator's words where no problem is, and every problem of a field", () => {
    const other: LocatedProblem = {
      ...problem,
      message: 'must name a listener',
    };
    const tree = withProblems(
      {
        name: { __errors: ['is required'] },
      },
      [problem, other, problem],
      () => false,
    );
    expect(tree).toEqual({
      name: { __errors: ['is required'] },
      kafka: {
        bootstrapServers: { __errors: [problem.message, other.message] },
      },
    });
  });
});
