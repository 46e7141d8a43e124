/**
 * The extension entry: starts the IAM policy language server over IPC for the `iam-policy` language and for JSON
 * files (the server answers only for JSON that looks like a policy), and opens files matching the user's extra
 * patterns in the iam-policy language.
 */
import type { ExtensionContext } from 'vscode';
import { registerFilePatterns } from './filePatterns';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { settingsSection } from '../../shared/settings';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'iam-policy' },
      { language: 'json', scheme: 'file' },
      { language: 'json', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: settingsSection },
  };
  client = new LanguageClient(settingsSection, 'IAM Policy Language Server', serverOptions, clientOptions);
  registerFilePatterns(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
