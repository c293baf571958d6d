// Builds every browser app, web/<name>/vite.config.ts, into web/dist/<name>/. An app whose output
// is newer than all of its sources (and the lockfile) is skipped, so `npm start` stays fast.
// Usage: node scripts/build-web.mjs [--force] [name ...]
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.filter((arg) => !arg.startsWith('--'));

/** Newest (or oldest) modification time of the files under `path`, skipping build output. */
function fileTimes(path) {
  const times = [];
  const walk = (at) => {
    const stat = statSync(at);
    if (!stat.isDirectory()) {
      times.push(stat.mtimeMs);
      return;
    }
    for (const entry of readdirSync(at)) {
      if (entry === 'node_modules' || entry === 'dist') continue;
      walk(join(at, entry));
    }
  };
  if (existsSync(path)) walk(path);
  return times;
}

function isFresh(app) {
  const output = fileTimes(join(dist, app));
  if (output.length === 0) return false;
  // Apps import the server's wire types and small helpers from src/, so src/ counts as a source;
  // so does the lockfile (a new Vite or React). A build takes about a second.
  const sources = [
    ...fileTimes(join(web, app)),
    ...fileTimes(join(root, 'src')),
    ...fileTimes(join(root, 'package-lock.json')),
  ];
  return Math.min(...output) > Math.max(...sources);
}

const apps = existsSync(web)
  ? readdirSync(web).filter(
      (name) =>
        name !== 'dist' &&
        existsSync(join(web, name, 'vite.config.ts')) &&
        (only.length === 0 || only.includes(name)),
    )
  : [];

// Always a production build, even when started from a test run (vitest sets NODE_ENV=test, which
// would make the React plugin emit development JSX calls the production React lacks).
process.env.NODE_ENV = 'production';
let built = 0;
for (const app of apps) {
  if (!force && isFresh(app)) {
    console.log(`web/${app}: up to date`);
    continue;
  }
  // Imported lazily: a start with every app up to date never loads Vite.
  const { build } = await import('vite');
  const started = Date.now();
  await build({
    configFile: join(web, app, 'vite.config.ts'),
    root: join(web, app),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir: join(dist, app), emptyOutDir: true },
  });
  built += 1;
  console.log(`web/${app}: built into ${relative(root, join(dist, app))} in ${Date.now() - started} ms`);
}
if (apps.length === 0) console.log('no web apps to build');
else if (built === 0) console.log('web apps are up to date');
