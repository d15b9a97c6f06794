import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A post-receive hook in the GitOps repository that holds every push after its branch was
 * updated, until the gate opens: the push has landed, but the pushing task has not heard
 * so, as when a replica dies in the middle of a push. Pushes made while the gate is open go
 * through at once.
 */
export class GitGate {
  private readonly hook: string;
  private readonly gate: string;

  constructor(repositoryPath: string) {
    this.hook = join(repositoryPath, 'hooks', 'post-receive');
    this.gate = join(repositoryPath, 'gate-open');
  }

  close(): void {
    rmSync(this.gate, { force: true });
    writeFileSync(
      this.hook,
      `#!/bin/sh\nwhile [ ! -e '${this.gate}' ]; do sleep 0.2; done\n`,
    );
    chmodSync(this.hook, 0o755);
  }

  open(): void {
    writeFileSync(this.gate, '');
  }

  remove(): void {
    rmSync(this.hook, { force: true });
    rmSync(this.gate, { force: true });
  }

  get isClosed(): boolean {
    return existsSync(this.hook) && !existsSync(this.gate);
  }
}
