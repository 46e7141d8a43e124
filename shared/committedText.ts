/**
 * A file as committed at a revision (`git show <rev>:./<name>`, run from the file's folder so the repository is the
 * file's), for the CLI's `diff git:<ref>` and the editor's "Compare with committed version". No `vscode` here.
 */
import { basename, dirname } from 'node:path';

export type CommittedFile =
  | { readonly kind: 'found'; readonly bytes: Buffer; readonly root: string }
  /** The revision has no such file: a new file, so everything it allows is new. */
  | { readonly kind: 'absent'; readonly root: string }
  | { readonly kind: 'no git' }
  | { readonly kind: 'not a repository'; readonly detail: string }
  | { readonly kind: 'unknown revision'; readonly root: string }
  | { readonly kind: 'unreadable'; readonly detail: string; readonly root: string };

interface GitResult {
  readonly ok: boolean;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly missing?: boolean;
}

async function git(args: readonly string[], cwd: string): Promise<GitResult> {
  // Loaded when first needed: with the sockets it brings, node:child_process costs every CLI run ~3 ms at start.
  const { execFile } = await import('node:child_process');
  // fsmonitor would start a program the repository names; nothing here needs it.
  const all = ['-c', 'core.fsmonitor=false', ...args];
  return new Promise((resolve) => {
    execFile('git', all, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: !error, stdout, stderr: stderr.toString('utf8').trim(), missing });
    });
  });
}

/** `ref` is passed after `--end-of-options`: a ref that looks like an option is no option. */
export async function committedFile(path: string, ref: string): Promise<CommittedFile> {
  const folder = dirname(path);
  const name = basename(path);
  const top = await git(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return { kind: 'no git' };
  if (!top.ok) return { kind: 'not a repository', detail: top.stderr.split('\n')[0] ?? '' };
  const root = top.stdout.toString('utf8').trim();
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], folder);
  if (!commit.ok) return { kind: 'unknown revision', root };
  const id = commit.stdout.toString('utf8').trim();
  // `<rev>:./<name>` is relative to the folder git runs in, so no repository-relative path is worked out here.
  const shown = await git(['show', `${id}:./${name}`], folder);
  if (shown.ok) return { kind: 'found', bytes: shown.stdout, root };
  const exists = await git(['cat-file', '-e', `${id}:./${name}`], folder);
  if (!exists.ok) return { kind: 'absent', root };
  return { kind: 'unreadable', detail: shown.stderr.split('\n')[0] ?? '', root };
}
