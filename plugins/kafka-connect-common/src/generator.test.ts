import { readFileSync } from 'fs';
import { join } from 'path';
import { GENERATOR_VERSION } from './generator';

describe('GENERATOR_VERSION', () => {
  it("is the package's own version, so the catalog names the release that rendered a cluster", () => {
    const pkg = JSON.parse(
      readFileSync(join(__dirname, '..', 'package.json'), 'utf8'),
    );
    expect(GENERATOR_VERSION).toBe(pkg.version);
  });
});
