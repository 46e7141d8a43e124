/**
 * "IAM Policy: Check access…": asks for an action (from the catalogue, the document's own first), a resource, an
 * optional principal and context keys (the ones the action supports), asks the server to evaluate the request
 * against the document's policies, shows the decision and marks the deciding statements and failed conditions.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  accessVocabularyRequest,
  checkAccessRequest,
  type AccessRange,
  type AccessVocabularyParams,
  type AccessVocabularyResult,
  type CheckAccessParams,
  type CheckAccessResult,
} from '../../shared/protocol';
import { marksOf, resourceTemplate, unfilledPlaceholders, type MarkKind } from './accessPlan';

const styles: Record<MarkKind, vscode.DecorationRenderOptions> = {
  decidingAllow: { backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'), isWholeLine: false, overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'), overviewRulerLane: vscode.OverviewRulerLane.Left },
  decidingDeny: { backgroundColor: new vscode.ThemeColor('diffEditor.removedTextBackground'), overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'), overviewRulerLane: vscode.OverviewRulerLane.Left },
  applies: { border: '1px dashed', borderColor: new vscode.ThemeColor('editorInfo.foreground') },
  failedCondition: { textDecoration: 'underline wavy', borderColor: new vscode.ThemeColor('editorWarning.foreground'), color: new vscode.ThemeColor('editorWarning.foreground') },
};

let decorations: Map<MarkKind, vscode.TextEditorDecorationType> | undefined;
let markedDocument: vscode.Uri | undefined;

function decorationTypes(): Map<MarkKind, vscode.TextEditorDecorationType> {
  decorations ??= new Map((Object.keys(styles) as MarkKind[]).map((kind) => [kind, vscode.window.createTextEditorDecorationType(styles[kind])]));
  return decorations;
}

function toRange(range: AccessRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function clearMarks(): void {
  if (!decorations || !markedDocument) return;
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.uri.toString() !== markedDocument.toString()) continue;
    for (const type of decorations.values()) editor.setDecorations(type, []);
  }
  markedDocument = undefined;
}

function showMarks(editor: vscode.TextEditor, result: CheckAccessResult): void {
  clearMarks();
  const { marks, focus } = marksOf(result);
  for (const [kind, type] of decorationTypes()) {
    editor.setDecorations(
      type,
      marks.filter((mark) => mark.kind === kind).map((mark) => ({ range: toRange(mark.range), hoverMessage: mark.hover })),
    );
  }
  markedDocument = editor.document.uri;
  if (focus) {
    const range = toRange(focus);
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

async function vocabulary(client: LanguageClient, params: AccessVocabularyParams): Promise<AccessVocabularyResult | null> {
  try {
    return await client.sendRequest<AccessVocabularyResult | null>(accessVocabularyRequest, params);
  } catch {
    return null;
  }
}

/** A quick pick that also takes what was typed when nothing in the list matches it. */
function pickOrType(items: vscode.QuickPickItem[], options: { title: string; placeholder: string }): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.title = options.title;
    pick.placeholder = options.placeholder;
    pick.items = items;
    pick.matchOnDescription = true;
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      const value = pick.selectedItems[0]?.label ?? pick.value.trim();
      pick.hide();
      resolve(value === '' ? undefined : value);
    });
    pick.onDidHide(() => {
      pick.dispose();
      if (!done) resolve(undefined);
    });
    pick.show();
  });
}

const evaluateItem = '$(play) Evaluate';

async function askContext(client: LanguageClient, action: string): Promise<[string, string][] | undefined> {
  const keys = (await vocabulary(client, { action }))?.conditionKeys ?? [];
  const context: [string, string][] = [];
  for (;;) {
    const given = context.map(([key, value]) => `${key}=${value}`).join(', ');
    const items: vscode.QuickPickItem[] = [
      { label: evaluateItem, description: given === '' ? 'with no context keys' : given },
      ...keys.map((key) => ({ label: key.key, description: key.type, detail: key.description })),
    ];
    const key = await pickOrType(items, { title: `Context for ${action} (optional; pick a key again for several values)`, placeholder: 'A condition key, or Evaluate' });
    if (key === undefined) return undefined;
    if (key === evaluateItem) return context;
    const value = await vscode.window.showInputBox({ title: `Value of ${key}`, prompt: 'One value; pick the key again to add another (a multivalued key such as aws:TagKeys)', ignoreFocusOut: true });
    if (value === undefined) continue;
    context.push([key, value]);
  }
}

export async function checkAccess(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Open a policy (or a template that holds policies) to check access against it.');
    return;
  }
  const uri = editor.document.uri.toString();
  // Started on a statement (the context menu, or the cursor in it): its actions come first.
  const position = { line: editor.selection.active.line, character: editor.selection.active.character };
  const words = await vocabulary(client, { uri, position });
  const documentActions = new Set(words?.documentActions ?? []);
  const action = await pickOrType(
    (words?.actions ?? []).map((name, index) => ({ label: name, description: index === 0 && documentActions.has(name) ? 'in the statement at the cursor, or first in this policy' : documentActions.has(name) ? 'named in this policy' : undefined })),
    { title: 'Check access: action', placeholder: 'service:Action, e.g. s3:GetObject' },
  );
  if (!action) return;
  const formats = (await vocabulary(client, { action }))?.resourceFormats ?? [];
  let resource = await vscode.window.showInputBox({
    title: `Check access: resource for ${action}`,
    prompt: formats.length > 0 ? `ARN formats: ${formats.join(' | ')}` : 'The resource ARN, or * for an action without a resource',
    value: resourceTemplate(formats),
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? 'A resource ARN, or *' : unfilledPlaceholders(text).length > 0 ? `Replace ${unfilledPlaceholders(text).map((p) => `\${${p}}`).join(', ')}` : undefined),
  });
  if (resource === undefined) return;
  resource = resource.trim();
  const principal = await vscode.window.showInputBox({
    title: 'Check access: principal (optional)',
    prompt: 'Who asks: a user or role ARN, a role session ARN, an account ID or a service principal; empty when it does not matter',
    ignoreFocusOut: true,
  });
  if (principal === undefined) return;
  const context = await askContext(client, action);
  if (context === undefined) return;
  const params: CheckAccessParams = { uri, action, resource, ...(principal.trim() ? { principal: principal.trim() } : {}), context };
  let result: CheckAccessResult | null;
  try {
    result = await client.sendRequest<CheckAccessResult | null>(checkAccessRequest, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`Check access failed: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!result) {
    void vscode.window.showInformationMessage('This document holds no policy the server checks.');
    return;
  }
  const target = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) ?? editor;
  showMarks(target, result);
  const notes = result.notes.length > 0 ? ` (${result.notes.join(' ')})` : '';
  const show = result.decision === 'allowed' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  const clear = 'Clear marks';
  void show(`${result.summary}${notes}`, clear).then((choice) => {
    if (choice === clear) clearMarks();
  });
}

/** Marks go when their document changes: their ranges would no longer be right. */
export function registerCheckAccess(context: vscode.ExtensionContext, client: LanguageClient, commandId: string): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(commandId, () => checkAccess(client)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (markedDocument && event.document.uri.toString() === markedDocument.toString() && event.contentChanges.length > 0) clearMarks();
    }),
    { dispose: () => decorations?.forEach((type) => type.dispose()) },
  );
}
