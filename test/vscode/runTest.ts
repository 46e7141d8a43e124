/**
 * Runs the Mocha suite inside a downloaded VS Code with @vscode/test-electron (desktops and hosted CI; these
 * machines cannot download VS Code, so the code-server suite in test/e2e is what runs here). The suite runs on the
 * minimum VS Code the manifest declares and on stable.
 */
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import manifest from '../../package.json';

async function main(): Promise<void> {
  const extensionDevelopmentPath = resolve(__dirname, '../..');
  const extensionTestsPath = resolve(__dirname, 'suite.cjs');
  const workspace = resolve(extensionDevelopmentPath, 'test/e2e/workspace');
  const minimum = manifest.engines.vscode.replace(/^\^/, '');
  for (const version of [minimum, 'stable']) {
    await runTests({ version, extensionDevelopmentPath, extensionTestsPath, launchArgs: [workspace, '--disable-extensions'] });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
