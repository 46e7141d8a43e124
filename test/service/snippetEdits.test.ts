/**
 * Placeholders as snippet tab stops (server/src/service/snippetEdits.ts): which code actions get snippet edits, what
 * the snippets say, and that with their defaults they write exactly the plain edits' text, also in an editor that
 * indents snippet lines as VS Code does.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type SnippetTextEdit, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { compatibleFixes } from '../../server/src/service/codeActions';
import { escapeSnippetText, finishCodeActions, placeholderMark, type SnippetEditSupport } from '../../server/src/service/snippetEdits';
import type { Problem } from '../../server/src/rules/types';
import { documentOf, sendAndPublishOnEveryResource } from '../support/documents';
import { modelOf, service, textAfterEdits } from '../support/service';
import { expandSnippet } from '../support/snippetText';

const options = { settings: defaultSettings };

/** The suggestions (quick fixes that are not preferred) for one rule's diagnostics, and the model. */
function suggestionsFor(text: string, ruleId: string, snippets: SnippetEditSupport, uri?: string) {
  const model = modelOf(text, uri);
  const diagnostics = service.validate(model, options).filter((d) => d.code === ruleId);
  assert.ok(diagnostics.length > 0, `${ruleId} is reported`);
  return { model, actions: service.codeActions(model, diagnostics, [CodeActionKind.QuickFix], options, undefined, snippets).filter((a) => !a.isPreferred) };
}

function documentEdits(action: CodeAction): TextDocumentEdit {
  const changes = action.edit?.documentChanges;
  assert.equal(changes?.length, 1, 'one TextDocumentEdit');
  return changes![0] as TextDocumentEdit;
}

const isSnippet = (edit: TextEdit | SnippetTextEdit | { annotationId: string }): edit is SnippetTextEdit => 'snippet' in edit;

/** The document after the edits, each snippet inserted with its defaults. */
function applied(document: TextDocument, edits: readonly (TextEdit | SnippetTextEdit)[]): string {
  return textAfterEdits(document, edits.map((e) => (isSnippet(e) ? { range: e.range, newText: expandSnippet(e.snippet.value) } : e)));
}

/**
 * As VS Code applies snippet edits: every line after the first of each edit (snippet or not) gets the indentation of
 * the line the edit starts on.
 */
function appliedWithStartLineIndentation(document: TextDocument, edits: readonly (TextEdit | SnippetTextEdit)[]): string {
  return applied(
    document,
    edits.map((edit) => {
      const line = document.getText({ start: { line: edit.range.start.line, character: 0 }, end: edit.range.start });
      const indentation = /^[ \t]*/.exec(line)![0];
      const indent = (text: string) => text.replace(/\n/g, `\n${indentation}`);
      return isSnippet(edit) ? { range: edit.range, snippet: { kind: 'snippet' as const, value: indent(edit.snippet.value) } } : { range: edit.range, newText: indent(edit.newText) };
    }),
  );
}


suite('snippet edits: placeholders as tab stops', () => {
  test('a suggestion that inserts placeholders: one tab stop per placeholder, its text the default', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}';
    const { model, actions } = suggestionsFor(text, 'wildcard-resource', 'exact');
    assert.equal(actions.length, 1);
    const [action] = actions;
    assert.equal(action!.data, undefined, 'the mark stays in the server');
    assert.equal(action!.edit!.changes, undefined);
    const change = documentEdits(action!);
    assert.deepEqual(change.textDocument, { uri: model.document.uri, version: 1 });
    const [edit] = change.edits;
    assert.ok(edit && isSnippet(edit));
    assert.equal(edit.snippet.value, '"arn:aws:sqs:${1:\\${Region\\}}:${2:\\${Account\\}}:${3:\\${QueueName\\}}"');
    assert.equal(applied(model.document, change.edits), text.replace('"*"', '"arn:aws:sqs:${Region}:${Account}:${QueueName}"'));
  });

  test('without snippet support, the same edit as plain text and no mark', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}';
    const { model, actions } = suggestionsFor(text, 'wildcard-resource', 'none');
    const [action] = actions;
    assert.equal(action!.data, undefined);
    assert.equal(action!.edit!.documentChanges, undefined);
    assert.equal(textAfterEdits(model.document, action!.edit!.changes![model.document.uri]!), text.replace('"*"', '"arn:aws:sqs:${Region}:${Account}:${QueueName}"'));
  });

  test('equal placeholders are one tab stop (filled in together); numbered in order of appearance', () => {
    const model = modelOf(sendAndPublishOnEveryResource);
    const range = { start: { line: 7, character: 9 }, end: { line: 7, character: 9 } };
    const [scope] = service.codeActions(model, [], undefined, options, range, 'exact').filter((a) => a.kind === 'refactor.rewrite.iam-policy.scope-resource');
    assert.ok(scope);
    const [edit] = documentEdits(scope).edits;
    assert.ok(edit && isSnippet(edit));
    assert.equal(
      edit.snippet.value,
      [
        '"arn:aws:sqs:${1:\\${Region\\}}:${2:\\${Account\\}}:${3:\\${QueueName\\}}",',
        '        "arn:aws:sns:${1:\\${Region\\}}:${2:\\${Account\\}}:${4:\\${TopicName\\}}"',
      ].join('\n'),
    );
  });

  test('text around the placeholders is escaped: the snippet writes exactly the plain edit', () => {
    // The condition a suggestion inserts ends with braces, which a snippet must escape.
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}';
    const { model, actions } = suggestionsFor(text, 'pass-role-with-star-in-resource', 'exact');
    const plain = suggestionsFor(text, 'pass-role-with-star-in-resource', 'none').actions;
    assert.equal(actions.length, plain.length);
    actions.forEach((action, i) => {
      const change = documentEdits(action);
      assert.ok(change.edits.some(isSnippet));
      assert.equal(applied(model.document, change.edits), textAfterEdits(model.document, plain[i]!.edit!.changes![model.document.uri]!));
    });
    assert.equal(escapeSnippetText('a$b}c\\d{'), 'a\\$b\\}c\\\\d{');
  });

  test('for an editor that indents snippet lines (VS Code), the lines leave out the start line\'s indentation', () => {
    const model = modelOf(sendAndPublishOnEveryResource);
    const range = { start: { line: 7, character: 9 }, end: { line: 7, character: 9 } };
    const rewrite = (support: SnippetEditSupport) => service.codeActions(model, [], undefined, options, range, support).find((a) => a.kind === 'refactor.rewrite.iam-policy.scope-resource')!;
    const plain = textAfterEdits(model.document, rewrite('none').edit!.changes![model.document.uri]!);
    const [edit] = documentEdits(rewrite('startLineIndentation')).edits;
    assert.ok(edit && isSnippet(edit));
    assert.match(edit.snippet.value, /,\n"arn:aws:sns:/, 'the second line without the 8 spaces of the first');
    assert.equal(appliedWithStartLineIndentation(model.document, [edit]), plain);
    // An editor that applies snippet edits as written gets the indentation in the text.
    const [exact] = documentEdits(rewrite('exact')).edits;
    assert.equal(applied(model.document, [exact!]), plain);
  });

  test('an edit a line of which is indented less than its start line keeps plain edits there', () => {
    const document = documentOf('{\n    "Resource": "*"\n}');
    const edits = [{ range: { start: { line: 1, character: 16 }, end: { line: 1, character: 19 } }, newText: '[\n  "${BucketName}"\n]' }];
    const action: CodeAction = { title: 'x', kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: edits } }, data: placeholderMark };
    assert.deepEqual(finishCodeActions([action], document, 'startLineIndentation'), [{ title: 'x', kind: CodeActionKind.QuickFix, edit: { changes: { [document.uri]: edits } } }]);
    const [exact] = finishCodeActions([action], document, 'exact');
    assert.equal(documentEdits(exact!).edits.filter(isSnippet).length, 1);
  });

  test('in HCL a placeholder is written $${Name}: the escape is part of the tab stop', () => {
    const document = documentOf('resource = "*"', 'file:///work/main.tf', 'terraform');
    const edits = [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 14 } }, newText: '"arn:aws:s3:::$${BucketName}"' }];
    const [action] = finishCodeActions([{ title: 'x', edit: { changes: { [document.uri]: edits } }, data: placeholderMark }], document, 'exact');
    const [edit] = documentEdits(action!).edits;
    assert.ok(edit && isSnippet(edit));
    assert.equal(edit.snippet.value, '"arn:aws:s3:::${1:\\$\\${BucketName\\}}"');
  });

  test('only marked actions: a refactoring that copies a placeholder (split statement) stays plain', () => {
    const text = sendAndPublishOnEveryResource.replace('"*"', '"arn:aws:sqs:${Region}:${Account}:${QueueName}"');
    const model = modelOf(text);
    const range = { start: { line: 5, character: 20 }, end: { line: 5, character: 20 } };
    const actions = service.codeActions(model, [], undefined, options, range, 'exact');
    assert.ok(actions.some((a) => a.kind?.startsWith('refactor.rewrite.iam-policy.split')), actions.map((a) => a.kind).join(', '));
    for (const action of actions) {
      assert.equal(action.edit!.documentChanges, undefined, action.title);
      assert.equal(action.data, undefined, action.title);
    }
  });
});

suite('placeholders are never applied unseen', () => {
  test('fix-all and --fix skip a fix that inserts placeholders', () => {
    const problem = (offset: number, placeholders: boolean): Problem => ({
      ruleId: 'x',
      messageId: 'x',
      message: 'x',
      offset,
      length: 1,
      severity: 'warning',
      fix: { title: 'x', edits: [{ offset, length: 1, text: '"${BucketName}"' }], ...(placeholders ? { placeholders: true as const } : {}) },
      suggestions: [],
      tags: [],
    });
    assert.deepEqual(compatibleFixes([problem(1, true), problem(5, false)]).map((fix) => fix.edits[0]!.offset), [5]);
  });

  test('the suggestions that insert placeholders are not in fix-all', () => {
    const model = modelOf('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}');
    assert.deepEqual(service.codeActions(model, [], [CodeActionKind.SourceFixAll], options, undefined, 'exact'), []);
  });
});
