import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import { join, relative } from 'path';

/**
 * The package runs in the backend, the CLI and the browser, and renders the same output
 * anywhere: its source imports no Node built-in and reads no clock or random source.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(entry => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [path] : [];
  });
}

const NODE_MODULES = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));
const IMPORT = /(?:from|import|require\()\s*['"]([^'"]+)['"]/g;
const IMPURE = /\b(Date\.now|new Date|Math\.random|crypto\.|process\.)/;

describe('kafka-connect-common is isomorphic and pure', () => {
  const files = sourceFiles(__dirname);

  it('finds its sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map(f => [relative(__dirname, f), f]))(
    '%s imports no Node built-in and no clock',
    (_name, file) => {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(IMPORT)].map(m => m[1]);
      expect(imports.filter(i => NODE_MODULES.has(i))).toEqual([]);
      expect(text).not.toMatch(IMPURE);
    },
  );
});
