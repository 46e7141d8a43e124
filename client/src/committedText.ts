/**
 * A file's text as committed at a revision, for "Compare with committed version": shared/committedText.ts read, and
 * what went wrong said for a notification. No `vscode` here, so the tests run it against a real repository.
 */
import { basename } from 'node:path';
import { committedFile } from '../../shared/committedText';

export type CommittedText =
  | { readonly kind: 'found'; readonly text: string }
  /** The revision has no such file: a new file, so everything it allows is new. */
  | { readonly kind: 'absent' }
  | { readonly kind: 'error'; readonly message: string };

export async function committedText(path: string, ref = 'HEAD'): Promise<CommittedText> {
  const name = basename(path);
  const file = await committedFile(path, ref);
  switch (file.kind) {
    case 'no git':
      return { kind: 'error', message: 'git was not found on the PATH.' };
    case 'not a repository':
      return { kind: 'error', message: `${name} is not in a git repository.` };
    case 'unknown revision':
      return { kind: 'error', message: ref === 'HEAD' ? 'The repository has no commits yet.' : `${ref} is not a revision of this repository.` };
    case 'unreadable':
      return { kind: 'error', message: `git could not show ${name} at ${ref}: ${file.detail}` };
    case 'absent':
      return { kind: 'absent' };
    case 'found': {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
      } catch {
        return { kind: 'error', message: `${name} at ${ref} is not valid UTF-8 text.` };
      }
      return { kind: 'found', text: text.startsWith('\ufeff') ? text.slice(1) : text };
    }
  }
}
