/**
 * The browser test harness: Debian's Chromium driven by playwright-core, a real Aisle server on a
 * free port with the demo store seeded, and screenshots kept for people to look at.
 *
 * Browser tests run wherever /usr/bin/chromium exists. In CI (`CI` set) or with
 * `AISLE_TEST_BROWSER=1` a missing Chromium is a failure, not a skip, so a broken install can
 * never pass as green. The web assets are built before the first browser suite of a run
 * (`scripts/build-web.mjs`, which skips when its output is fresh); the built output is not committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, it } from 'vitest';
import { seedDemoStore } from '../../src/cli/seed-demo-store.js';
import { type Clock, loadConfig } from '../../src/core/index.js';
import {
  type AppServices,
  buildServer,
  type CreateServicesOptions,
  createServices,
} from '../../src/server/index.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-artifacts', 'screenshots');

// A browser test waits on pages, streams and a real server, on machines shared with other test files.
const BROWSER_TEST_TIMEOUT_MS = 90_000;

export type BrowserTestMode = 'run' | 'skip' | 'fail';

/**
 * Browser tests run wherever Chromium is installed. Without it they are skipped, except in CI or
 * with AISLE_TEST_BROWSER=1, where a missing browser fails them: a broken install must never pass
 * as green.
 */
export function browserTestMode(env: NodeJS.ProcessEnv, chromiumInstalled: boolean): BrowserTestMode {
  if (chromiumInstalled) return 'run';
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return ci || env.AISLE_TEST_BROWSER === '1' ? 'fail' : 'skip';
}

const mode = browserTestMode(process.env, existsSync(CHROMIUM_PATH));

/** True when this run drives a real browser. */
export const browserTestsEnabled = mode === 'run';

/**
 * `describe` for suites that need Chromium (see `browserTestMode`). Web assets are built before
 * the suite starts.
 */
export function describeBrowser(title: string, suite: () => void): void {
  if (mode === 'run') {
    describe(title, { timeout: BROWSER_TEST_TIMEOUT_MS }, () => {
      beforeAll(ensureWebBuilt, 180_000);
      suite();
    });
  } else if (mode === 'fail') {
    describe(title, () => {
      it('needs Chromium', () => {
        throw new Error(
          `${CHROMIUM_PATH} is missing but this run requires browser tests (CI or AISLE_TEST_BROWSER=1): ` +
            'apt-get install -y chromium fonts-noto-cjk',
        );
      });
    });
  } else {
    describe.skip(`${title} (${CHROMIUM_PATH} not installed)`, suite);
  }
}

/** Headless Chromium with the flags that keep it off the network (no sync, updates or QUIC). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const BUILD_LOCK = join(ROOT, 'web', 'dist', '.build-lock');
const STALE_LOCK_MS = 5 * 60_000;
let webBuilt = false;

/**
 * Runs scripts/build-web.mjs once per test file. Test files run in parallel processes, so a
 * directory lock lets one build while the others wait; the script then finds its output fresh.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (webBuilt) return;
  const script = join(ROOT, 'scripts', 'build-web.mjs');
  if (!existsSync(script))
    throw new Error(`${script} is missing: the browser tests need the built web assets`);
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // A build killed half-way leaves its lock behind; no build takes this long.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmdirSync(BUILD_LOCK);
      else await sleep(250);
    }
  }
  try {
    const build = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) {
      throw new Error(`scripts/build-web.mjs failed (${build.status}):\n${build.stdout}\n${build.stderr}`);
    }
  } finally {
    rmdirSync(BUILD_LOCK);
  }
  webBuilt = true;
}

export interface DemoServerOptions {
  /** Extra AISLE_* variables (an LLM endpoint, a currency); the database and admin key are set here. */
  env?: Record<string, string>;
  clock?: Clock;
  /** Passed to createServices (a scripted language model for the assistant, extra synonyms). */
  services?: Omit<CreateServicesOptions, 'clock' | 'store'>;
  /** Seed the demo store (default true); false leaves an empty, migrated store. */
  seed?: boolean;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  readonly services: AppServices;
  readonly app: FastifyInstance;
  readonly adminKey: string;
  close(): Promise<void>;
}

export const TEST_ADMIN_KEY = 'browser-test-admin-key';

/**
 * A real Aisle server on 127.0.0.1 and a free port, over in-memory SQLite with the demo store
 * seeded (about a second): start one per test file, in `beforeAll`.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const config = loadConfig({
    AISLE_DB: 'sqlite::memory:',
    AISLE_ADMIN_KEY: TEST_ADMIN_KEY,
    // A browser fetches assets, polls and reconnects streams far faster than any shopper.
    AISLE_RATE_LIMIT: '100000',
    ...options.env,
  });
  const services = await createServices(config, {
    ...options.services,
    ...(options.clock !== undefined && { clock: options.clock }),
  });
  if (options.seed !== false) await quietly(() => seedDemoStore(services));
  const app = await buildServer({ services });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    services,
    app,
    adminKey: config.adminKey!,
    async close() {
      // Open event streams would hold app.close() until the browser gave up on them.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await services.close();
    },
  };
}

/** The seeder prints a summary for people at a terminal; test output does not need it. */
async function quietly(work: () => Promise<void>): Promise<void> {
  const log = console.log;
  console.log = () => {};
  try {
    await work();
  } finally {
    console.log = log;
  }
}

/**
 * Saves a PNG to test-artifacts/screenshots/<name>.png (kept by CI) and returns its path: what
 * the page's viewport shows, as a person would see it, or one element (scrolled into view).
 */
/**
 * Waits for the finite animations running on the page, shadow roots included (the widget's sheets
 * slide in), so a screenshot shows where things land rather than a frame of the way there.
 */
async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The tests compile without the DOM library: the few browser shapes used here, typed by hand.
    interface Running {
      readonly effect: { getComputedTiming(): { endTime?: number | unknown } } | null;
      readonly finished: Promise<unknown>;
    }
    interface Root {
      getAnimations(): Running[];
    }
    const view = globalThis as unknown as {
      document: Root & { querySelectorAll(selector: string): Iterable<{ shadowRoot: Root | null }> };
    };
    const animations = [...view.document.getAnimations()];
    for (const host of view.document.querySelectorAll('*')) {
      if (host.shadowRoot !== null) animations.push(...host.shadowRoot.getAnimations());
    }
    const finite = animations.filter(
      (a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
    );
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await animationsSettled('page' in target ? target.page() : target);
  await target.screenshot({ path });
  return path;
}

/**
 * Collects a page's uncaught errors and console errors, so a test can assert the page ran clean.
 * The favicon request Chromium makes on its own is not an error of ours.
 */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
      errors.push(message.text());
    }
  });
  return errors;
}
