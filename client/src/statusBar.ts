/**
 * A status bar item with the active document's policy type, as the server checks it (`iamPolicy/policyType`).
 * Updated when the active editor changes, when the document is edited (debounced: the type can follow the content)
 * and when the policy-type setting changes; clicking it runs "Choose policy type for this document".
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { policyTypeRequest, type PolicyTypeInfo, type PolicyTypeParams } from '../../shared/protocol';
import { configFileName, settingsSection } from '../../shared/settings';
import { withIndefiniteArticle } from '../../shared/indefiniteArticle';
import { choosePolicyTypeCommand } from './commandIds';
import { policyTypeLabels } from './requests';
import { hostLanguages } from './hostLanguages';

const servedLanguages = new Set(['iam-policy', 'json', 'jsonc', ...hostLanguages]);
const editDelayMs = 400;

const sourceNames: Record<PolicyTypeInfo['source'], string> = {
  explicit: 'chosen explicitly',
  setting: 'from the iamPolicy.policyTypes setting',
  'file name': 'from the file name',
  content: 'from the content',
  default: 'the default',
  host: 'from where the template puts it',
};

export function registerStatusBar(context: vscode.ExtensionContext, client: LanguageClient): void {
  const item = vscode.window.createStatusBarItem('iamPolicy.policyType', vscode.StatusBarAlignment.Right, 100);
  item.name = 'IAM Policy Type';
  item.command = choosePolicyTypeCommand;
  let request = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const ticket = ++request;
    if (!document || !servedLanguages.has(document.languageId)) {
      item.hide();
      return;
    }
    let info: PolicyTypeInfo | null = null;
    try {
      // In a template or Terraform file, the type of the policy under the cursor.
      const position = hostLanguages.includes(document.languageId) ? editor?.selection.active : undefined;
      const params: PolicyTypeParams = position ? { uri: document.uri.toString(), position } : { uri: document.uri.toString() };
      info = await client.sendRequest<PolicyTypeInfo | null>(policyTypeRequest, params);
    } catch {
      info = null; // the server is restarting or does not serve this document
    }
    if (ticket !== request) return; // a newer update is on its way
    if (!info) {
      item.hide();
      return;
    }
    const label = policyTypeLabels[info.type];
    item.text = `$(shield) IAM: ${info.type}`;
    item.tooltip = info.label
      ? `${info.label}: checked as ${withIndefiniteArticle(inSentence(label.label))} (${sourceNames[info.source]}).`
      : `Checked as ${withIndefiniteArticle(inSentence(label.label))} (${sourceNames[info.source]}). Click to choose the policy type for this file.`;
    item.accessibilityInformation = { label: `IAM policy type: ${label.label}, ${sourceNames[info.source]}` };
    item.show();
  }

  const refresh = () => void update();
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, editDelayMs);
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher(`**/${configFileName}`);
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.window.onDidChangeTextEditorSelection((event) => {
      // Moving between the policies of a template changes the type shown.
      if (!hostLanguages.includes(event.textEditor.document.languageId)) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, editDelayMs);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, editDelayMs);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // The server re-reads settings on the same event; give it a moment before asking.
      if (event.affectsConfiguration(`${settingsSection}.policyTypes`)) setTimeout(refresh, editDelayMs);
    }),
    // A policy type kept in .iampolicy.json: the server re-reads the file on the same change; ask it after a moment.
    configWatcher,
    configWatcher.onDidCreate(refreshSoon),
    configWatcher.onDidChange(refreshSoon),
    configWatcher.onDidDelete(refreshSoon),
    { dispose: () => clearTimeout(timer) },
  );
  refresh();
}

/** A label inside a sentence: its first letter in lower case, initialisms kept ("service control policy (SCP)"). */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
