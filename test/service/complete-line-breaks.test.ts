/**
 * Completion edits stay on the request's line (known failure K12). A backslash before a line break continues a JSON
 * string on the next line, so the key or value being completed can span two lines; LSP wants each edit on the line
 * of the request and around the position, and VS Code throws on any other (losing the whole list).
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, Position, Range } from 'vscode-languageserver-types';
import { onRequestLine } from '../../server/src/service/complete';
import { modelOf, service } from '../support/service';

function show(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

function rangesOf(item: CompletionItem): Range[] {
  const edit = item.textEdit;
  if (!edit) return [];
  return 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
}

/** What VS Code checks: one line, the request's, around the position; insert a prefix of replace. */
function problemsOf(items: readonly CompletionItem[], position: Position): string[] {
  const problems: string[] = [];
  for (const item of items) {
    for (const range of rangesOf(item)) {
      if (range.start.line !== position.line || range.end.line !== position.line) problems.push(`${item.label}: ${show(range)} is not on line ${position.line}`);
      else if (range.start.character > position.character || range.end.character < position.character) problems.push(`${item.label}: ${show(range)} misses ${position.character}`);
    }
    const edit = item.textEdit;
    if (edit && 'insert' in edit && (edit.insert.start.character !== edit.replace.start.character || edit.insert.end.character > edit.replace.end.character)) {
      problems.push(`${item.label}: insert ${show(edit.insert)} is not a prefix of replace ${show(edit.replace)}`);
    }
  }
  return problems;
}

suite('completion edits after a backslash-escaped line break', () => {
  test('the known failure: key completion in "Acti\\<line break>on" replaces the key up to the end of its first line', async () => {
    const text = '{"Statement":[{"Effect":"Allow","Acti\\\non":"s3:GetObject"}]}';
    const model = modelOf(text);
    const list = await service.complete(model, { line: 0, character: 36 });
    const labels = (list?.items ?? []).map((item) => item.label);
    assert.ok(labels.includes('Sid') && labels.includes('Principal'), labels.join(', '));
    assert.deepEqual([...new Set(list!.items.flatMap(rangesOf).map(show))], ['0:32-0:38']);
    // On the line the key continues on, the edit covers what is on that line.
    const below = await service.complete(model, { line: 1, character: 1 });
    assert.ok((below?.items.length ?? 0) > 0);
    assert.deepEqual([...new Set(below!.items.flatMap(rangesOf).map(show))], ['1:0-1:3']);
  });

  test('our own value items (Action) are clipped the same way', async () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:Get\\\nObj","Resource":"*"}]}';
    const list = await service.complete(modelOf(text), { line: 0, character: 45 });
    assert.ok((list?.items.length ?? 0) > 10, 'the s3 actions');
    assert.deepEqual([...new Set(list!.items.flatMap(rangesOf).map(show))], ['0:42-0:49']);
  });

  test('every offset of documents with escaped LF, CRLF and CR line breaks in keys and values', async () => {
    const documents = [
      '{"Statement":[{"Effect":"Al\\\nlow","Acti\\\non":["s3:Get\\\nObj"],"Resource":"arn:aws:s3:::b\\\n/*","Condition":{"String\\\nLike":{"aws:user\\\nname":"a\\\nb"}}}]}',
      '{"Statement":[{"Effect":"Al\\\r\nlow","Acti\\\r\non":"s3:Get\\\r\nObj","Principal":{"AW\\\r\nS":"ar\\\r\nn"}}]}',
      '{"Statement":[{"Effect":"Al\\\rlow","Acti\\\ron":"s3:Get\\\rObj","Resource":"\\\r"}]}',
      '{"Statement":[{"Sid":"\\\n\\\n\\\n","Action":"\\\n',
    ];
    let lists = 0;
    for (const text of documents) {
      const model = modelOf(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = model.document.positionAt(offset);
        const list = await service.complete(model, position);
        if (list && list.items.length > 0) lists++;
        assert.deepEqual(problemsOf(list?.items ?? [], position).slice(0, 3), [], `at ${position.line}:${position.character} of ${JSON.stringify(text)}`);
      }
    }
    assert.ok(lists > 50, `${lists} non-empty lists`);
  });

  test('clipping: ranges over lines are cut at the request line, insert/replace pairs together, misses dropped', () => {
    const document = TextDocument.create('file:///x.json', 'json', 1, 'abc\\\ndefgh\\\r\nij');
    const at = (line: number, character: number): Position => ({ line, character });
    const range = (a: Position, b: Position): Range => ({ start: a, end: b });
    const items: CompletionItem[] = [
      { label: 'over two lines', textEdit: { range: range(at(0, 1), at(1, 2)), newText: 'x' } },
      { label: 'over three lines', textEdit: { range: range(at(0, 1), at(2, 1)), newText: 'x' } },
      { label: 'insert/replace', textEdit: { insert: range(at(0, 2), at(1, 3)), replace: range(at(0, 2), at(2, 0)), newText: 'x' } },
      { label: 'already fine', textEdit: { range: range(at(1, 0), at(1, 5)), newText: 'x' } },
      { label: 'on another line', textEdit: { range: range(at(2, 0), at(2, 1)), newText: 'x' } },
      { label: 'ends before the position', textEdit: { range: range(at(0, 0), at(1, 1)), newText: 'x' } },
      { label: 'no edit' },
    ];
    const list = onRequestLine({ isIncomplete: false, items }, document, at(1, 3));
    assert.deepEqual(
      list.items.map((item) => [item.label, ...rangesOf(item).map(show)]),
      [['over three lines', '1:0-1:6'], ['insert/replace', '1:0-1:3', '1:0-1:6'], ['already fine', '1:0-1:5'], ['no edit']],
    );
    assert.equal(list.items[2], items[3], 'an item already on the line is passed through as it is');
    const fine = { isIncomplete: false, items: [items[3]!, items[6]!] };
    assert.equal(onRequestLine(fine, document, at(1, 3)), fine, 'a list with nothing to clip is passed through as it is');
  });
});
