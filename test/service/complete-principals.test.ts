import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { completionsAt } from './intelligence';

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

  test('the plain string form offers only *, once (the schema adds no duplicate)', async () => {
    const c = await completionsAt('{"Statement":[{"Principal":"|"}]}');
    assert.deepEqual(c.labels, ['*']);
    assert.equal(c.apply('*'), '{"Statement":[{"Principal":"*"}]}');
  });
});
