import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium (scripts/setup.sh installs it), driven by playwright-core: the browser
 * downloads of test tools do not work here, and the machine has no network.
 */

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

// Without the networking flags Chromium keeps calling Google services that cannot answer.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium binary, or an error that says how to get it: it is a required tool. */
export function requireChromium(): string {
  const candidates = [DEBIAN_CHROMIUM];
  const onPath = spawnSync('sh', ['-c', 'command -v chromium'], {
    encoding: 'utf8',
  }).stdout?.trim();
  if (onPath) candidates.push(onPath);
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not this one.
    }
  }
  throw new Error(
    process.env.CI === 'true'
      ? `Chromium is required in CI and was not found at ${DEBIAN_CHROMIUM}: the CI image must run scripts/setup.sh (it installs Debian's chromium)`
      : `Chromium was not found at ${DEBIAN_CHROMIUM}; it is a required tool: run \`bash scripts/setup.sh\` (it installs Debian's chromium), then rerun the tests`,
  );
}

export interface Chromium {
  context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile in a temporary folder, made in `parentDir` (the OS
 * temp folder by default; the portal's work folder puts it where the portal's clean-up is).
 */
export async function launchChromium(
  parentDir: string = tmpdir(),
): Promise<Chromium> {
  const executablePath = requireChromium();
  const profile = mkdtempSync(join(parentDir, 'chromium-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 1000 },
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    context,
    close() {
      closed ??= context
        .close()
        .finally(() => rmSync(profile, { recursive: true, force: true }));
      return closed;
    },
  };
}
