/**
 * The extension's commands: choose the document's policy type (kept where the user says: the workspace settings, or
 * the project's `.iampolicy.json` that the CLI reads too), show the actions a policy or statement covers, start a policy from a template, show
 * which IAM data the checks use, check access offline (checkAccess.ts), and compare the policy with its committed
 * version (compareWithCommitted.ts).
 */
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { policyTypeRequest, type PolicyTypeInfo } from '../../shared/protocol';
import { configFileName, policyTypes, settingsSection, type PolicyType } from '../../shared/settings';
import { showActions } from './actionsDocument';
import { registerCheckAccess } from './checkAccess';
import {
  checkAccessCommand,
  choosePolicyTypeCommand,
  compareWithCommittedCommand,
  newPolicyFromTemplateCommand,
  showDataVersionCommand,
  showPolicyActionsCommand,
  showStatementActionsCommand,
} from './commandIds';
import { registerCompareWithCommitted } from './compareWithCommitted';
import { configGlobForFile, configHasPolicyType, configWithPolicyType, globForFile, isEmptyObjectText, withPolicyType } from './policyTypeSetting';
import { dataInfoRequest, policyTypeLabels, type DataInfo } from './requests';
import { fileNameFor, fileTemplatesOf, freeName, type FileTemplate } from './templateFiles';

/** The nearest `.iampolicy.json` above `file` (the one the server and the CLI read), or undefined. */
async function nearestConfigFile(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  let folder = vscode.Uri.joinPath(file, '..');
  for (;;) {
    const candidate = vscode.Uri.joinPath(folder, configFileName);
    try {
      if ((await vscode.workspace.fs.stat(candidate)).type & vscode.FileType.File) return candidate;
    } catch {
      // no config in this folder
    }
    const parent = vscode.Uri.joinPath(folder, '..');
    if (parent.path === folder.path) return undefined;
    folder = parent;
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The `.iampolicy.json` side of the choice: the file (nearest, or a new one at the folder's root) and its glob. */
interface ConfigPlace {
  readonly uri: vscode.Uri;
  readonly exists: boolean;
  readonly text: string | undefined;
  readonly glob: string;
}

async function configPlaceFor(file: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<ConfigPlace> {
  const found = await nearestConfigFile(file);
  // A new config goes to the folder's root; an existing one further up is used as it is, since a new, nearer file
  // would hide it (the nearest config wins and is not merged with others).
  const uri = found ?? vscode.Uri.joinPath(folder.uri, configFileName);
  const configFolder = vscode.Uri.joinPath(uri, '..').path.replace(/\/$/, '');
  const text = found ? await readText(found) : undefined;
  return { uri, exists: found !== undefined, text, glob: configGlobForFile(file.path.slice(configFolder.length + 1)) };
}

/** Writes `type` for the file into the config (or removes it), deleting the file when that leaves it empty. */
async function updateConfig(place: ConfigPlace, type: PolicyType | undefined): Promise<boolean> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === place.uri.toString());
  if (open?.isDirty) {
    void vscode.window.showErrorMessage(`Save ${vscode.workspace.asRelativePath(place.uri)} first: the policy type is kept in it.`);
    return false;
  }
  let next: string | undefined;
  try {
    next = configWithPolicyType(place.text, place.glob, type);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Could not change ${vscode.workspace.asRelativePath(place.uri)}: ${why}. Fix the file, then choose again.`);
    return false;
  }
  if (next === place.text) return true;
  if (next === undefined) {
    if (place.exists) await vscode.workspace.fs.delete(place.uri);
  } else {
    await vscode.workspace.fs.writeFile(place.uri, new TextEncoder().encode(next));
  }
  return true;
}

/**
 * Sets or removes the file's entry in `iamPolicy.policyTypes`. When removing it empties a folder's settings file,
 * VS Code leaves `{}` behind: that file is deleted, and the `.vscode` folder too if nothing else is in it.
 */
async function updateSettings(document: vscode.TextDocument, folder: vscode.WorkspaceFolder | undefined, glob: string, type: PolicyType | undefined): Promise<void> {
  const configuration = vscode.workspace.getConfiguration(settingsSection, document.uri);
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<Record<string, string>>('policyTypes');
  const existing = (folder ? inspected?.workspaceFolderValue : inspected?.globalValue) ?? {};
  const next = withPolicyType(existing, glob, type);
  if (type === undefined && !Object.hasOwn(existing, glob)) return;
  await configuration.update('policyTypes', Object.keys(next).length > 0 ? next : undefined, target);
  if (!folder || Object.keys(next).length > 0) return;
  const settingsFolder = vscode.Uri.joinPath(folder.uri, '.vscode');
  const settingsFile = vscode.Uri.joinPath(settingsFolder, 'settings.json');
  const text = await readText(settingsFile);
  if (text === undefined || !isEmptyObjectText(text)) return;
  await vscode.workspace.fs.delete(settingsFile);
  try {
    if ((await vscode.workspace.fs.readDirectory(settingsFolder)).length === 0) await vscode.workspace.fs.delete(settingsFolder);
  } catch {
    // the folder is gone or unreadable: nothing more to tidy
  }
}

type Place = 'settings' | 'config';

async function choosePlace(folder: vscode.WorkspaceFolder, config: ConfigPlace, current: Place | undefined): Promise<Place | undefined> {
  const configName = vscode.workspace.asRelativePath(config.uri);
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const items = [
    {
      label: '$(settings-gear) Workspace settings',
      description: `${multiRoot ? `${folder.name}: ` : ''}.vscode/settings.json${current === 'settings' ? ' (current)' : ''}`,
      detail: 'For this editor: the iamPolicy.policyTypes setting. The command line does not read it.',
      place: 'settings' as Place,
    },
    {
      label: '$(file-code) Project config',
      description: `${configName}${config.exists ? '' : ' (new)'}${current === 'config' ? ' (current)' : ''}`,
      detail: 'Shared with the command line and CI, and committed with the project.',
      place: 'config' as Place,
    },
  ];
  // The place that already has a record of the project's choices comes first.
  const preferred = current ?? (config.exists ? 'config' : 'settings');
  items.sort((a, b) => Number(b.place === preferred) - Number(a.place === preferred));
  const picked = await vscode.window.showQuickPick(items, { title: 'Where to keep the policy type', placeHolder: 'Keep this choice in...' });
  return picked?.place;
}

async function choosePolicyType(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open an IAM policy to choose its policy type.');
    return;
  }
  if (document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Save the policy to a file first: the choice is kept by file path, in the settings or .iampolicy.json.');
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
  if (!folder) {
    // Outside any workspace folder there is no project: the user settings keep the choice.
    await updateSettings(document, undefined, glob, picked.type);
    return;
  }
  const config = await configPlaceFor(document.uri, folder);
  const inspected = vscode.workspace.getConfiguration(settingsSection, document.uri).inspect<Record<string, string>>('policyTypes');
  const inSettings = Object.hasOwn(inspected?.workspaceFolderValue ?? {}, glob);
  const inConfig = config.text !== undefined && configHasPolicyType(config.text, config.glob);
  // One record of the choice: the settings' globs are tried before the config's, so a stale entry would win.
  if (picked.type === undefined) {
    if (await updateConfig(config, undefined)) await updateSettings(document, folder, glob, undefined);
    return;
  }
  const place = await choosePlace(folder, config, inSettings ? 'settings' : inConfig ? 'config' : undefined);
  if (place === 'config') {
    if (await updateConfig(config, picked.type)) await updateSettings(document, folder, glob, undefined);
  } else if (place === 'settings') {
    await updateSettings(document, folder, glob, picked.type);
    await updateConfig(config, undefined);
  }
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
  const compareWithCommitted = registerCompareWithCommitted(context, client);
  context.subscriptions.push(
    vscode.commands.registerCommand(compareWithCommittedCommand, () => compareWithCommitted(vscode.window.activeTextEditor)),
    vscode.commands.registerCommand(choosePolicyTypeCommand, () => choosePolicyType(client)),
    vscode.commands.registerCommand(showPolicyActionsCommand, () => showActions(vscode.window.activeTextEditor, false)),
    vscode.commands.registerCommand(showStatementActionsCommand, () => showActions(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand(newPolicyFromTemplateCommand, () => newPolicyFromTemplate(context)),
    vscode.commands.registerCommand(showDataVersionCommand, () => showDataVersion(client)),
  );
  registerCheckAccess(context, client, checkAccessCommand);
}
