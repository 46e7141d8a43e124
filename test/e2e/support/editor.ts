/**
 * What every end-to-end suite starts with: code-server with the packaged extension on a fresh copy of a fixtures
 * folder, and a browser on that folder. Screenshots go to out/e2e-screenshots/.
 */
import { repoPath } from '../../support/paths';
import { startCodeServer, type CodeServer } from './codeServer';
import { Workbench } from './workbench';

export interface Editor {
  readonly server: CodeServer;
  readonly workbench: Workbench;
}

/** `prepare` runs on the workspace copy before the browser opens it (a git repository made of it, say). */
export async function openEditor(fixtures: string, prepare?: (workspace: string) => void | Promise<void>): Promise<Editor> {
  const server = await startCodeServer(repoPath('dist', 'iam-policy-lint.vsix'), fixtures);
  try {
    await prepare?.(server.workspace);
    const workbench = await Workbench.open(`${server.url}/?folder=${encodeURIComponent(server.workspace)}`, repoPath('out', 'e2e-screenshots'));
    return { server, workbench };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export async function closeEditor(editor: Partial<Editor>): Promise<void> {
  await editor.workbench?.close();
  await editor.server?.stop();
}
