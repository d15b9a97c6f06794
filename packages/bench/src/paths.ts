import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** Folders the bench reads, found through this package's own location. */
export const BENCH_DIR = resolvePackagePath('@connect-skeleton/bench');
export const REPO_ROOT = resolvePackagePath('@connect-skeleton/bench', '../..');
export const NUNJUCKS_DIR = resolvePackagePath(
  '@connect-skeleton/bench',
  'nunjucks',
);
export const BACKEND_CHILD = resolvePackagePath(
  '@connect-skeleton/bench',
  'src/memory/backendChild.ts',
);
