import { BareRepo } from '@connect-skeleton/integration-tests/src/scaffolder/bareRepo';
import { startScaffolderBackend } from '@connect-skeleton/integration-tests/src/scaffolder/testBackend';
import { median, percentile } from './stats';
import { sampleAsync } from './timing';
import { benchValues } from './values';

/**
 * The real template through the real scaffolder backend (the integration tests' backend:
 * scaffolder, GitHub and GitLab modules, the Kafka Connect module, the real template.yaml),
 * as the portal's form sends it: POST /v2/tasks, then the status polled until it ends. The
 * task renders, commits and pushes branch kafka-connect/<name> to a local bare repository.
 * Every task has its own cluster name, so each one makes a new branch.
 */
export async function templateTasks(runs: number, warmup: number) {
  const repo = BareRepo.create();
  const scaffolder = await startScaffolderBackend({ repository: repo.path });
  try {
    const durations = await sampleAsync(runs, warmup, async i => {
      const name = i < 0 ? `bench-warmup-${-i}` : `bench-${i}`;
      const result = await scaffolder.run(benchValues(name));
      if (result.status !== 'completed') {
        throw new Error(
          `template task ${name} ${result.status}: ${result.error?.message}`,
        );
      }
    });
    const branches = repo
      .branches()
      .filter(b => b.startsWith('kafka-connect/'));
    if (branches.length !== runs + warmup) {
      throw new Error(
        `expected ${runs + warmup} pushed branches, found ${branches.length}`,
      );
    }
    return {
      taskMedianMs: median(durations),
      taskP95Ms: percentile(durations, 95),
    };
  } finally {
    await scaffolder.stop();
    repo.remove();
  }
}
