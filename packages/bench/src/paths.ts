import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Folders the bench reads, found through this package's own location. */
export const BENCH_DIR = resolvePackagePath('@internal/bench');
export const REPO_ROOT = resolvePackagePath('@internal/bench', '../..');
export const NUNJUCKS_DIR = resolvePackagePath('@internal/bench', 'nunjucks');
export const BACKEND_CHILD = resolvePackagePath(
  '@internal/bench',
  'src/memory/backendChild.ts',
);
