/** Which files the CLI lints: named files as they are, folders searched for the policy file patterns. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { minimatch } from 'minimatch';

/** The same patterns the extension associates with the iam-policy language (package.json `languages`). */
export const policyFilePatterns = ['*.iam.json', '*.policy.json', '*-policy.json', '*.trust.json', '*.scp.json', '*.rcp.json', '*.boundary.json', '*.resource.json'];

const skippedFolders = new Set(['node_modules', '.git']);

export class UsageError extends Error {}

export function isPolicyFileName(name: string, patterns: readonly string[] = policyFilePatterns): boolean {
  return patterns.some((pattern) => minimatch(name, pattern, { nocase: true, dot: true }));
}

function walk(folder: string, patterns: readonly string[], found: string[]): void {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) walk(path, patterns, found);
    } else if (entry.isFile() && isPolicyFileName(entry.name, patterns)) {
      found.push(path);
    }
  }
}

/** Expands the arguments into files, in a stable order; throws UsageError naming the argument that fails. */
export function findFiles(args: readonly string[], patterns: readonly string[] = policyFilePatterns): string[] {
  const files: string[] = [];
  for (const arg of args) {
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      throw new UsageError(`${arg}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      const before = files.length;
      walk(arg, patterns, files);
      if (files.length === before) throw new UsageError(`${arg}: no policy files found (patterns: ${patterns.join(', ')})`);
    } else {
      files.push(arg);
    }
  }
  return [...new Set(files)];
}
