// End-to-end test of the built site in Debian's headless Chromium, driven by
// playwright-core (no browser download): every page loads without console
// errors, and the demo trains to an accuracy above a threshold. Skipped,
// with a note, where /usr/bin/chromium (or $CCE_CHROMIUM) is missing.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  DOCS_ROOT,
  ensureBuiltSite,
} from './helpers/built-site.js';
import { serveStatic, type StaticServer } from './helpers/serve-static.js';

const CHROMIUM = process.env.CCE_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(DOCS_ROOT, 'test-results');
/** The demo must reach this accuracy on its well-separated toy data. */
const ACCURACY_THRESHOLD = 0.9;
/** The flags that make Debian's Chromium run headless and offline here. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

if (!HAS_CHROMIUM) {
  console.warn(
    `[docs e2e] SKIPPED: no Chromium at ${CHROMIUM}. Install it with ` +
      '`apt-get install chromium` (CI does) or set CCE_CHROMIUM to its path.',
  );
}

/** Problems a page reported while it was open. */
interface PageIssues {
  messages: string[];
}

function watch(page: Page, origin: string): PageIssues {
  const issues: PageIssues = { messages: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      issues.messages.push(`console.error: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => {
    issues.messages.push(`uncaught: ${error.message}`);
  });
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? 'unknown';
    // Prefetches of linked pages are aborted when the test navigates on.
    if (why === 'net::ERR_ABORTED') return;
    issues.messages.push(`request failed (${why}): ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400) {
      issues.messages.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return issues;
}

/** URL paths of every built page, e.g. `/concepts/soft-labels.html`. */
function listPages(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => `/${file.split(sep).join('/')}`)
    .sort();
}

describe.skipIf(!HAS_CHROMIUM)('the built site in headless Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let siteDir: string;
  let profile: string;

  beforeAll(async () => {
    siteDir = ensureBuiltSite();
    server = await serveStatic(siteDir);
    profile = mkdtempSync(join(tmpdir(), 'cce-docs-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('loads every page without console errors when served on localhost', async () => {
    const pages = listPages(siteDir);
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages).toContain('/demo.html');

    const page = await context.newPage();
    const issues = watch(page, server.url);
    const failures: string[] = [];
    for (const path of pages) {
      issues.messages.length = 0;
      // The demo page trains by itself; here it only has to load.
      const query = path === '/demo.html' ? '?autostart=0' : '';
      const response = await page.goto(`${server.url}${path}${query}`, {
        waitUntil: 'load',
      });
      if (path === '/demo.html') {
        await page.waitForSelector('#demo-status:not([data-state="loading"])');
      }
      await page.waitForTimeout(50);
      if (response?.status() !== 200) {
        failures.push(`${path}: HTTP ${response?.status()}`);
      }
      for (const message of issues.messages) {
        failures.push(`${path}: ${message}`);
      }
    }
    await page.close();
    expect(failures).toEqual([]);
  }, 240_000);

  it('renders the formulas as MathJax SVG when a concept page loads', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/concepts/collision-cross-entropy.html`);
    const formulas = await page.locator('mjx-container svg').count();
    expect(formulas).toBeGreaterThan(10);
    await page.close();
  });

  it('clusters the Gaussian mixture above the threshold when the demo runs by self-labeling', async () => {
    const result = await runDemo(
      context,
      server.url,
      '?dataset=mixture&mode=cluster&loss=collision&lambda=1&seed=1',
      'demo-cluster.png',
    );
    expect(result.issues).toEqual([]);
    expect(['webgl', 'cpu']).toContain(result.backend);
    expect(result.steps).toBe(200);
    expect(result.accuracy).toBeGreaterThanOrEqual(ACCURACY_THRESHOLD);
  }, 180_000);

  it('learns from noisy soft labels above the threshold when WebGL is skipped (plain JS)', async () => {
    const result = await runDemo(
      context,
      server.url,
      '?dataset=mixture&mode=supervised&loss=collision&eta=0.6&seed=2&backend=cpu',
      'demo-supervised-cpu.png',
    );
    expect(result.issues).toEqual([]);
    expect(result.backend).toBe('cpu');
    expect(result.accuracy).toBeGreaterThanOrEqual(ACCURACY_THRESHOLD);
  }, 180_000);
});

async function runDemo(
  context: BrowserContext,
  origin: string,
  query: string,
  screenshot: string,
): Promise<{
  accuracy: number;
  steps: number;
  backend: string | undefined;
  issues: string[];
}> {
  const page = await context.newPage();
  const issues = watch(page, origin);
  await page.goto(`${origin}/demo.html${query}`);
  const status = page.locator('#demo-status');
  await page.waitForSelector(
    '#demo-status[data-state="done"], #demo-status[data-state="error"]',
    {
      timeout: 150_000,
    },
  );
  const state = await status.getAttribute('data-state');
  if (state === 'error')
    issues.messages.push(`demo: ${await status.textContent()}`);
  const accuracy = Number(
    await page.locator('#demo-accuracy').getAttribute('data-value'),
  );
  const steps = Number(
    await page.locator('#demo-step').getAttribute('data-value'),
  );
  const backend =
    (await page.locator('#demo-backend').getAttribute('data-value')) ??
    undefined;
  await page
    .locator('.cce-demo')
    .screenshot({ path: join(ARTIFACTS, screenshot) });
  await page.close();
  return { accuracy, steps, backend, issues: issues.messages };
}
