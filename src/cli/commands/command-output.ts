/** Shared by the commerce commands: JSON input files, `--json` output, and engine issues with their paths. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { AisleError, ValidationError } from '../../core/index.js';

export function assertFile(path: string): void {
  if (!existsSync(path) || !statSync(path).isFile()) throw new ValidationError(`no such file: ${path}`);
}

export function readJsonFile(path: string): unknown {
  assertFile(path);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ValidationError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readJsonObject(path: string): Record<string, unknown> {
  const parsed = readJsonFile(path);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError(`${path} must hold one JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** The `--db` option as `withServices` takes it. */
export function databaseOption(options: { readonly db?: string }): { db?: string } {
  return options.db ? { db: options.db } : {};
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/** Minutes are enough for a person reading a terminal; scripts get epoch milliseconds from `--json`. */
export function formatInstant(epochMs: number | null): string {
  if (epochMs === null) return '—';
  return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

interface PathIssue {
  readonly path: string;
  readonly message: string;
}

function issuesOf(error: unknown): readonly PathIssue[] {
  if (!AisleError.isInstance(error)) return [];
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is PathIssue => typeof issue?.path === 'string' && typeof issue?.message === 'string',
  );
}

/**
 * Runs a write that the rules engine validates; when it refuses the document, every issue is
 * printed with its JSON path before the error itself ends the command (exit 2).
 */
export async function reportingIssues<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const issues = issuesOf(error);
    if (issues.length > 0) {
      console.error(`${file}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`);
      for (const issue of issues) console.error(`  ${issue.path}: ${issue.message}`);
    }
    throw error;
  }
}
