import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { completionsAt, sortedLabels } from './intelligence';

suite('complete: Principal', () => {
  test('principal kinds as keys, with a value and the next suggestion', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"|"}}]}');
    assert.deepEqual(c.labels, ['AWS', 'Service', 'Federated', 'CanonicalUser']);
    assert.equal(c.apply('Service'), '{"Statement":[{"Principal":{"Service": ""}}]}');
    assert.equal(c.item('Service').command?.command, 'editor.action.triggerSuggest');
  });

  test('kinds already present are not offered; a key with a value is only renamed', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"AWS":"*","Se|":"x"}}]}');
    assert.ok(!c.labels.includes('AWS'));
    assert.equal(c.apply('Service'), '{"Statement":[{"Principal":{"AWS":"*","Service":"x"}}]}');
  });

  test('service principals under Service', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"Service":"lam|"}}]}');
    assert.equal(c.item('lambda.amazonaws.com').detail, 'AWS Lambda');
    assert.equal(c.apply('lambda.amazonaws.com'), '{"Statement":[{"Principal":{"Service":"lambda.amazonaws.com"}}]}');
  });

  test('account root and role ARN templates under AWS, narrowed by what is typed', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"AWS":"|"}}]}');
    assert.ok(c.labels.includes('arn:${Partition}:iam::${Account}:root'));
    assert.ok(c.labels.includes('*'));
    assert.equal(c.apply('arn:${Partition}:iam::${Account}:role/${RoleName}'), '{"Statement":[{"Principal":{"AWS":"arn:aws:iam::${Account}:role/${RoleName}"}}]}');
    const sts = await completionsAt('{"Statement":[{"Principal":{"AWS":["arn:aws:sts:|"]}}]}');
    assert.deepEqual(sts.labels.sort(), [
      'arn:${Partition}:sts::${Account}:assumed-role/${RoleName}/${SessionName}',
      'arn:${Partition}:sts::${Account}:federated-user/${UserName}',
    ]);
  });

  test('SAML and OIDC provider forms under Federated', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"Federated":"|"}}]}');
    assert.ok(c.labels.includes('arn:${Partition}:iam::${Account}:saml-provider/${ProviderName}'));
    assert.ok(c.labels.includes('arn:${Partition}:iam::${Account}:oidc-provider/${ProviderHost}'));
    assert.ok(c.labels.includes('cognito-identity.amazonaws.com'));
  });

  test('the plain string form offers *, once (the schema adds no duplicate), then the object forms with tab stops', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":"|"}]}');
    assert.equal(sortedLabels(c.list)[0], '*');
    assert.equal(c.labels.filter((l) => l === '*').length, 1);
    assert.equal(c.apply('*'), '{"Statement":[{"Principal":"*"}]}');
    const root = c.item('{"AWS": "arn:${Partition}:iam::${Account}:root"}');
    assert.equal((root.textEdit as { newText: string }).newText, '{"AWS": "arn:${1:aws}:iam::${2:\\${Account\\}}:root"\\}');
    assert.equal(c.apply('{"AWS": "arn:${Partition}:iam::${Account}:root"}'), '{"Statement":[{"Principal":{"AWS": "arn:aws:iam::${Account}:root"}}]}');
    assert.equal(c.apply('{"AWS": "arn:${Partition}:iam::${Account}:user/${UserName}"}'), '{"Statement":[{"Principal":{"AWS": "arn:aws:iam::${Account}:user/${UserName}"}}]}');
    assert.ok(c.labels.includes('{"Federated": "arn:${Partition}:iam::${Account}:saml-provider/${ProviderName}"}'));
    assert.equal(c.apply('{"Service": ""}'), '{"Statement":[{"Principal":{"Service": ""}}]}');
    assert.equal(c.item('{"Service": ""}').command?.command, 'editor.action.triggerSuggest');
  });

  test("the service principals of the statement's actions come first", async () => {
    const c = await completionsAt('{"Statement":[{"Effect":"Allow","Action":["lambda:InvokeFunction","logs:PutLogEvents"],"Principal":{"Service":"|"}}]}');
    assert.deepEqual(sortedLabels(c.list).slice(0, 3).sort(), ['delivery.logs.amazonaws.com', 'lambda.amazonaws.com', 'logs.amazonaws.com']);
    assert.match(String(c.item('lambda.amazonaws.com').detail), /this statement's service/);
    const plain = await completionsAt('{"Statement":[{"Effect":"Allow","Action":"sns:Publish","Principal":"|"}]}');
    assert.equal(plain.apply('{"Service": "sns.amazonaws.com"}'), '{"Statement":[{"Effect":"Allow","Action":"sns:Publish","Principal":{"Service": "sns.amazonaws.com"}}]}');
  });

  test('fields already typed keep their text; the others become placeholders', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":{"AWS":"arn:aws-cn:iam::111122223333:r|"}}]}');
    assert.equal(c.apply('arn:${Partition}:iam::${Account}:role/${RoleName}'), '{"Statement":[{"Principal":{"AWS":"arn:aws-cn:iam::111122223333:role/${RoleName}"}}]}');
    const partial = await completionsAt('{"Statement":[{"Principal":{"AWS":"arn:aws:iam::1111|"}}]}');
    assert.equal(partial.apply('arn:${Partition}:iam::${Account}:root'), '{"Statement":[{"Principal":{"AWS":"arn:aws:iam::1111:root"}}]}');
  });
});
