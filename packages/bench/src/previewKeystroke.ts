import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { BENCH_DIR } from './paths';
import { percentile, median } from './stats';
import { benchValues } from './values';
import type { MountedPage } from './previewPage';

/**
 * Keystroke to updated preview: one page of the portal's form (the scaffolder's own RJSF
 * form, KafkaConnectPreviewLayout beside the page's fields) in a DOM (jsdom), the widest
 * cluster as the form's state. Each run types into the description field and stops the
 * clock once React has committed the new preview, the common renderer's run included;
 * then it checks that the file shown holds the new text.
 */

/** A browser-like global environment for React and Material UI, made once. */
function installDom(): Window {
  const dom = new JSDOM(
    '<!doctype html><html><body><div id="root"></div></body></html>',
    { pretendToBeVisual: true, url: 'http://localhost/' },
  );
  const window = dom.window as unknown as Window;
  const globals: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    HTMLElement: (window as any).HTMLElement,
    Element: (window as any).Element,
    Node: (window as any).Node,
    getComputedStyle: window.getComputedStyle.bind(window),
  };
  for (const [key, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, key, {
      value,
      configurable: true,
      writable: true,
    });
  }
  return window;
}

/**
 * The page, bundled as the app bundles it (esbuild, images as data URLs, React's
 * production build): Backstage's packages are published for bundlers, not for Node.
 */
async function bundlePreviewPage(): Promise<{
  mountPreviewPage: (
    window: Window,
    initial: Record<string, unknown>,
  ) => MountedPage;
}> {
  const esbuild = await import('esbuild');
  const folder = fs.mkdtempSync(
    path.join(os.tmpdir(), 'kafka-connect-preview-'),
  );
  const outfile = path.join(folder, 'previewPage.cjs');
  try {
    await esbuild.build({
      entryPoints: [path.join(BENCH_DIR, 'src', 'previewPage.tsx')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      jsx: 'automatic',
      loader: { '.svg': 'dataurl', '.png': 'dataurl' },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'error',
    });
    return require(outfile);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export async function previewKeystroke(runs: number, warmup: number) {
  const window = installDom();
  const { mountPreviewPage } = await bundlePreviewPage();
  const page = mountPreviewPage(window, benchValues());
  if (!page.shown().includes('kind: Resource')) {
    throw new Error('the preview page did not render the widest cluster');
  }
  const base = String(benchValues().description);
  const durations: number[] = [];
  // CPU time too: on a machine shared with other work, wall time also counts the waits.
  const cpu: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    // Another description each time, as typing makes it: one character more, then over again.
    const text = `${base} ${'x'.repeat((i % 40) + 1)}`;
    const start = performance.now();
    const startCpu = process.cpuUsage();
    page.type(text);
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(startCpu);
    if (!page.shown().includes(`description: ${text}`)) {
      throw new Error(`the preview did not follow keystroke ${i}`);
    }
    if (i >= warmup) {
      durations.push(elapsed);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  page.unmount();
  return {
    previewKeystrokeMedianMs: median(durations),
    previewKeystrokeP95Ms: percentile(durations, 95),
    previewKeystrokeCpuP95Ms: percentile(cpu, 95),
  };
}
