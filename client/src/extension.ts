/**
 * The extension entry: starts the IAM policy language server over IPC for the `iam-policy` language and for JSON
 * files (the server answers only for JSON that looks like a policy), and opens files matching the user's extra
 * patterns in the iam-policy language.
 */
import { workspace, type CompletionItem, type CompletionList, type ExtensionContext } from 'vscode';
import { registerActionsDocuments } from './actionsDocument';
import { registerCommands } from './commands';
import { registerFilePatterns } from './filePatterns';
import { registerStatusBar } from './statusBar';
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
    synchronize: {
      configurationSection: settingsSection,
      // The project config the CLI reads too; the server re-reads it when it changes.
      fileEvents: workspace.createFileSystemWatcher('**/.iampolicy.json'),
    },
    middleware: {
      // VS Code already offers the contributed snippets; the server's whole-policy templates (for other editors)
      // would show each one twice.
      async provideCompletionItem(document, position, context, token, next) {
        const result = await next(document, position, context, token);
        const isTemplate = (item: CompletionItem) => (item as CompletionItem & { data?: { template?: string } }).data?.template !== undefined;
        if (!result) return result;
        if (Array.isArray(result)) return result.filter((item) => !isTemplate(item));
        const list = result as CompletionList;
        return { ...list, items: list.items.filter((item) => !isTemplate(item)) };
      },
    },
  };
  client = new LanguageClient(settingsSection, 'IAM Policy Language Server', serverOptions, clientOptions);
  registerFilePatterns(context);
  await client.start();
  registerStatusBar(context, client);
  registerCommands(context, client);
  registerActionsDocuments(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
