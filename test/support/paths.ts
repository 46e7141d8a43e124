import { join } from 'node:path';

/** The repository root, fixed at test-build time (esbuild.mjs defines it). */
export const repoRoot = process.env.IAM_POLICY_ROOT ?? process.cwd();

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
