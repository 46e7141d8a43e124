import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { defaultSettings } from '../../shared/settings';
import { cursor } from '../support/markers';
import { modelOf, service } from '../support/service';

async function hoverText(source: string, uri?: string): Promise<string | undefined> {
  const { text, offset } = cursor(source);
  const model = modelOf(text, uri);
  const hover = await service.hover(model, model.document.positionAt(offset), { settings: defaultSettings });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

suite('hover', () => {
  test('Version shows the policy type, how it was chosen, and the data version', async () => {
    const value = await hoverText('{"Ver|sion":"2012-10-17","Statement":[]}');
    assert.match(value!, /Checked as an \*\*identity-based policy\*\*/);
    assert.match(value!, /the default/);
    assert.match(value!, /@cloud-copilot\/iam-data \d+\.\d+\.\d+/);
  });

  test('the type follows the file name', async () => {
    const value = await hoverText('{"Version":"2012-10-1|7","Statement":[]}', 'file:///p/role.trust.json');
    assert.match(value!, /Checked as a \*\*role trust policy\*\*.*file name/s);
  });

  test('the type follows the content', async () => {
    const value = await hoverText(
      '{"Version":"2|012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
    );
    assert.match(value!, /role trust policy.*content/s);
  });

  test('element keys explain themselves', async () => {
    const value = await hoverText('{"Statement":[{"Eff|ect":"Allow"}]}');
    assert.match(value!, /allows or explicitly denies/);
  });
});
