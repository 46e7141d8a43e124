/**
 * The language client and everything that needs it (status bar, commands, the actions documents). A bundle of its
 * own (dist/languageClient.js), loaded by extension.ts only when a document worth serving opens: activation by an
 * unrelated YAML or code file then costs the small entry bundle, not vscode-languageclient.
 */
import { join } from 'node:path';
import { workspace, type CompletionItem, type CompletionList, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../shared/protocol';
import { configFileName, settingsSection } from '../../shared/settings';
import { registerActionsDocuments } from './actionsDocument';
import { registerCommands } from './commands';
import { hostLanguages } from './hostLanguages';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function startClient(context: ExtensionContext): Promise<void> {
  if (client) return;
  const module = context.asAbsolutePath('dist/server.js');
  // V8 sizes its heap for throughput; the server keeps little of what a request allocates, so these keep its memory
  // down with latency unchanged (scripts/measure-startup.mjs and the benchmark pass the same flags; other editors
  // may too): the young generation at most 2 MB per semi-space (V8 grows it to 16 MB after the first busy moments
  // and keeps it: 6–20 MB of RSS), and the old generation collected once it has grown by half (V8's factor, up to 4
  // on a small heap, let garbage from validations pile up to ~90 MB before the first full collection). TurboFan's
  // inlining off, as the server's entry would set it (server/src/loader/compilerFlags.ts), but given here it spares
  // the entry loading node:v8 (~2 ms of the cold start).
  const execArgv = ['--max-semi-space-size=2', '--heap-growing-percent=50', '--no-turbo-inlining'];
  // Added to the server's environment (the language client keeps the rest). Node reads the 3.7 MB bundle into a
  // buffer that doubles to 4 MB; freeing it makes glibc raise its mmap threshold to 4 MB and its trim threshold to
  // 8 MB, so from then on V8's parser and compiler zones (and its worker threads' arenas) sit in malloc heaps glibc
  // does not give back: 7 MB more RSS after load, 13 MB after 10,000 edits (npm run bench, memory). A fixed threshold
  // (glibc's default value) turns that adjustment off; latency is unchanged, and other C libraries ignore the name.
  const serverEnv = { MALLOC_MMAP_THRESHOLD_: '131072' };
  // The server's code cache (server/src/loader/codeCache.ts) in the extension's own storage, which VS Code removes
  // with the extension.
  const env = { ...serverEnv, IAM_POLICY_LINT_CODE_CACHE: join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'], env } },
  };
  // VS Code indents the lines of a snippet edit by its start line's indentation (see server/src/service/snippetEdits.ts).
  const initializationOptions: InitializationOptions = { snippetEditIndentation: 'startLine' };
  const clientOptions: LanguageClientOptions = {
    initializationOptions,
    documentSelector: [
      { language: 'iam-policy' },
      { language: 'json', scheme: 'file' },
      { language: 'json', scheme: 'untitled' },
      ...hostLanguages.flatMap((language) => [
        { language, scheme: 'file' },
        { language, scheme: 'untitled' },
      ]),
    ],
    synchronize: {
      configurationSection: settingsSection,
      // The project config the CLI reads too; the server re-reads it when it changes.
      fileEvents: workspace.createFileSystemWatcher(`**/${configFileName}`),
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
  await client.start();
  registerStatusBar(context, client);
  registerCommands(context, client);
  registerActionsDocuments(context, client);
}

export async function stopClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
