#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the package works without a build step.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const here = dirname(fileURLToPath(import.meta.url));
const { main } = await import(pathToFileURL(join(here, '..', 'src', 'cli', 'main.ts')).href);
const code = await main(process.argv);
if (code !== 0) process.exitCode = code;
