import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { cursor } from '../support/markers';
import { modelOf, service, textAfterEdits } from '../support/service';

async function completionsAt(source: string) {
  const { text, offset } = cursor(source);
  const model = modelOf(text);
  const list = await service.complete(model, model.document.positionAt(offset));
  return { list, model };
}

function labels(list: Awaited<ReturnType<typeof completionsAt>>['list']): string[] {
  return (list?.items ?? []).map((item) => item.label);
}

suite('complete: policy elements from the schema', () => {
  test('statement keys, without the ones already present', async () => {
    const { list } = await completionsAt('{"Version":"2012-10-17","Statement":[{"Effect":"Allow",|}]}');
    const names = labels(list);
    for (const key of ['Sid', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal']) {
      assert.ok(names.includes(key), `offers ${key}`);
    }
    assert.ok(!names.includes('Effect'), 'Effect is already there');
  });

  test('top-level keys', async () => {
    const names = labels((await completionsAt('{|}')).list);
    assert.deepEqual(['Id', 'Statement', 'Version'].filter((k) => names.includes(k)), ['Id', 'Statement', 'Version']);
  });

  test('Effect values, and the edit produces the value', async () => {
    const { list, model } = await completionsAt('{"Statement":[{"Effect":"|"}]}');
    assert.deepEqual(labels(list).sort(), ['"Allow"', '"Deny"']);
    const allow = list!.items.find((i) => i.label === '"Allow"')!;
    const edit = allow.textEdit as { range: never; newText: string };
    assert.equal(
      textAfterEdits(model.document, [{ range: edit.range, newText: edit.newText.replace(/\$\{?\d+\}?/g, '') }]),
      '{"Statement":[{"Effect":"Allow"}]}',
    );
  });

  test('Version values', async () => {
    const names = labels((await completionsAt('{"Version": |}')).list);
    assert.ok(names.includes('"2012-10-17"'));
    assert.ok(names.includes('"2008-10-17"'));
  });

  test('no completions for a document over the size cap', async () => {
    const model = service.parse(modelOf('{}').document, { maxFileSize: 1 });
    assert.equal(await service.complete(model, { line: 0, character: 1 }), null);
  });
});
