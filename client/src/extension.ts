/**
 * The extension entry: starts the IAM policy language server over IPC for the `iam-policy` language, for JSON files
 * (the server answers only for JSON that looks like a policy or a CloudFormation template) and for infrastructure
 * code (YAML, Terraform, TypeScript/JavaScript and Python: only the policies inside), and opens files matching the
 * user's extra patterns in the iam-policy language. Opening YAML or code that holds no policies costs a cheap look at
 * its text and never starts the server.
 */
import { workspace, type Disposable, type ExtensionContext, type TextDocument } from 'vscode';
import { hostSyntax, mayBeHost } from '../../shared/hostFiles';
import { hostLanguages } from './hostLanguages';
import { registerFilePatterns } from './filePatterns';

type LanguageClientBundle = typeof import('./languageClient');
let loaded: LanguageClientBundle | undefined;

/** The language client bundle, loaded on first need (see languageClient.ts). */
function languageClient(context: ExtensionContext): LanguageClientBundle {
  // A runtime require of the second bundle: esbuild must not inline it into this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(context.asAbsolutePath('dist/languageClient.js')) as LanguageClientBundle;
  return loaded;
}

function startClient(context: ExtensionContext): Promise<void> {
  return languageClient(context).startClient(context);
}

/** Whether the server has something to say about a document: a policy, JSON, or infrastructure code with policies. */
export function worthServing(document: Pick<TextDocument, 'languageId' | 'uri' | 'getText'>): boolean {
  if (document.languageId === 'iam-policy' || document.languageId === 'json' || document.languageId === 'jsonc') return true;
  if (!hostLanguages.includes(document.languageId)) return false;
  const syntax = hostSyntax({ languageId: document.languageId, path: document.uri.path });
  return syntax !== undefined && mayBeHost(syntax, document.getText());
}

export async function activate(context: ExtensionContext): Promise<void> {
  registerFilePatterns(context);
  // Activated by a YAML or code file: the server starts with the first document that may hold policies.
  if (workspace.textDocuments.some(worthServing)) {
    await startClient(context);
    return;
  }
  const waiting: Disposable = workspace.onDidOpenTextDocument((document) => {
    if (!worthServing(document)) return;
    waiting.dispose();
    void startClient(context);
  });
  context.subscriptions.push(waiting);
}

export async function deactivate(): Promise<void> {
  await loaded?.stopClient();
}
