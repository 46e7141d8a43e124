/**
 * A file's text as committed at a revision (`git show <ref>:./<name>` from the file's folder), for "Compare with
 * committed version". No `vscode` here, so the tests run it against a real repository.
 */
import { execFile } from 'node:child_process';
import { basename, dirname } from 'node:path';

export type CommittedText =
  | { readonly kind: 'found'; readonly text: string }
  /** The revision has no such file: a new file, so everything it allows is new. */
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string };

interface GitResult {
  readonly ok: boolean;
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly missing?: boolean;
}

function git(args: readonly string[], cwd: string): Promise<GitResult> {
  // fsmonitor would start a program the repository names; nothing here needs it.
  const all = ['-c', 'core.fsmonitor=false', ...args];
  return new Promise((resolve) => {
    execFile('git', all, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: !error, stdout, stderr: stderr.toString('utf8').trim(), missing });
    });
  });
}

export async function committedText(path: string, ref = 'HEAD'): Promise<CommittedText> {
  const folder = dirname(path);
  const name = basename(path);
  const top = await git(['rev-parse', '--show-toplevel'], folder);
  if (top.missing) return { kind: 'error', message: 'git was not found on the PATH.' };
  if (!top.ok) return { kind: 'error', message: `${name} is not in a git repository.` };
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], folder);
  if (!commit.ok) return { kind: 'error', message: ref === 'HEAD' ? 'The repository has no commits yet.' : `${ref} is not a revision of this repository.` };
  const id = commit.stdout.toString('utf8').trim();
  // `<rev>:./<name>` is relative to the folder git runs in, so no repository-relative path is worked out here.
  const shown = await git(['show', `${id}:./${name}`], folder);
  if (shown.ok) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(shown.stdout);
    } catch {
      return { kind: 'error', message: `${name} at ${ref} is not valid UTF-8 text.` };
    }
    return { kind: 'found', text: text.startsWith('\ufeff') ? text.slice(1) : text };
  }
  const exists = await git(['cat-file', '-e', `${id}:./${name}`], folder);
  if (!exists.ok) return { kind: 'absent' };
  return { kind: 'error', message: `git could not show ${name} at ${ref}: ${shown.stderr.split('\n')[0]}` };
}
