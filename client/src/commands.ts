/**
 * The extension's commands: choose the document's policy type (a workspace setting, so the server, the CLI's config
 * and the user all see it), show the actions a policy or statement covers, start a policy from a template, and show
 * which IAM data the checks use.
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { policyTypeRequest, type PolicyTypeInfo } from '../../shared/protocol';
import { policyTypes, settingsSection, type PolicyType } from '../../shared/settings';
import { showActions } from './actionsDocument';
import {
  choosePolicyTypeCommand,
  newPolicyFromTemplateCommand,
  showDataVersionCommand,
  showPolicyActionsCommand,
  showStatementActionsCommand,
} from './commandIds';
import { globForFile, withPolicyType } from './policyTypeSetting';
import { dataInfoRequest, policyTypeLabels, type DataInfo } from './requests';
import { fileNameFor, fileTemplatesOf, freeName, type FileTemplate } from './templateFiles';

async function choosePolicyType(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open an IAM policy to choose its policy type.');
    return;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Save the policy to a file first: the choice is kept in the iamPolicy.policyTypes setting, by file path.');
    return;
  }
  let current: PolicyTypeInfo | null = null;
  try {
    current = await client.sendRequest<PolicyTypeInfo | null>(policyTypeRequest, { uri: document.uri.toString() });
  } catch {
    current = null;
  }
  const automatic = { label: '$(sparkle) Detect automatically', detail: 'From the file name, then the content', type: undefined as PolicyType | undefined };
  const items = [
    ...policyTypes.map((type) => ({
      label: policyTypeLabels[type].label,
      description: type === current?.type ? `${type} (current)` : type,
      detail: policyTypeLabels[type].detail,
      type: type as PolicyType | undefined,
    })),
    automatic,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'IAM policy type for this document', placeHolder: 'How should this policy be checked?' });
  if (!picked) return;

  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const relative = folder ? vscode.workspace.asRelativePath(document.uri, false) : undefined;
  const glob = globForFile(relative, document.uri.path);
  const configuration = vscode.workspace.getConfiguration(settingsSection, document.uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<Record<string, string>>('policyTypes');
  const existing = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  const next = withPolicyType(existing, glob, picked.type);
  // The setting is the one record of the choice: the server reads it, and the user sees and edits it.
  await configuration.update('policyTypes', Object.keys(next).length > 0 ? next : undefined, target);
}

async function newPolicyFromTemplate(context: vscode.ExtensionContext): Promise<void> {
  let templates: FileTemplate[];
  try {
    templates = fileTemplatesOf(await readFile(context.asAbsolutePath('snippets/iam-policy.code-snippets'), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`Could not read the IAM policy templates: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({ label: template.name, description: template.prefix, detail: template.description, template })),
    { title: 'New IAM policy from template', matchOnDetail: true },
  );
  if (!picked) return;
  // An untitled document with a telling name: the server reads the policy type from it (trust, SCP, boundary).
  const taken = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled').map((d) => d.uri.path));
  const uri = vscode.Uri.from({ scheme: 'untitled', path: freeName(fileNameFor(picked.template), taken) });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'iam-policy');
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(picked.template.body), new vscode.Position(0, 0));
}

async function showDataVersion(client: LanguageClient): Promise<void> {
  let info: DataInfo | null = null;
  try {
    info = await client.sendRequest<DataInfo | null>(dataInfoRequest, {});
  } catch {
    info = null; // an older server: fall back to the version it announced at start-up
  }
  if (info) {
    const counts = info.counts;
    const n = (value: number) => value.toLocaleString('en-US');
    void vscode.window.showInformationMessage(
      `IAM data: ${info.source} ${info.dataVersion} of ${info.dataDate.slice(0, 10)}, with ${n(counts.services)} services, ` +
        `${n(counts.actions)} actions, ${n(counts.resourceTypes)} resource types and ${n(counts.conditionKeys)} condition keys.`,
    );
    return;
  }
  const version = client.initializeResult?.serverInfo?.version;
  void vscode.window.showInformationMessage(version ? `IAM data version ${version}.` : 'The IAM policy language server has not started.');
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(choosePolicyTypeCommand, () => choosePolicyType(client)),
    vscode.commands.registerCommand(showPolicyActionsCommand, () => showActions(vscode.window.activeTextEditor, false)),
    vscode.commands.registerCommand(showStatementActionsCommand, () => showActions(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand(newPolicyFromTemplateCommand, () => newPolicyFromTemplate(context)),
    vscode.commands.registerCommand(showDataVersionCommand, () => showDataVersion(client)),
  );
}
