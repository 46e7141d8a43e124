import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { service } from '../support/service';
import { hoverAt } from './intelligence';

suite('hover: what a statement grants (on Effect)', () => {
  test('actions by service and access level, resource types, conditions; the schema text stays', async () => {
    const value = (await hoverAt(
      '{"Statement":[{"Eff|ect":"Allow","Action":["s3:Get*","s3:PutObject","iam:PassRole"],"Resource":["arn:aws:s3:::b/*","arn:aws:iam::111122223333:role/r"],"Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}',
    ))!;
    const gets = service.catalog.expandAction('s3:Get*').length;
    assert.match(value, new RegExp(`^\\*\\*Allows ${gets + 2} actions in 2 services \\(2 Write, ${gets} Read/List\\) on 2 resource types when 1 condition holds\\*\\*`));
    assert.match(value, /allows or explicitly denies/);
  });

  test('NotAction, all resources, and the value position', async () => {
    const value = (await hoverAt('{"Statement":[{"Effect":"De|ny","NotAction":["s3:*","iam:*"],"Resource":"*"}]}'))!;
    assert.match(value, /^\*\*Denies every action except 2 patterns: [\d,]+ actions in \d+ services \(\d[\d,]* Permissions management, .*\) on all resources\*\*/);
  });

  test('principals in a resource policy', async () => {
    const value = (await hoverAt('{"Statement":[{"Effect":"Allow|","Principal":{"AWS":["arn:aws:iam::111122223333:root"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}'))!;
    assert.match(value, /^\*\*Allows 1 action in 1 service \(1 Read\/List\) on 1 resource type to 1 principal\*\*/);
    const everyone = (await hoverAt('{"Statement":[{"Effect":"Allow|","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}'))!;
    assert.match(everyone, /on all resources to everyone/);
  });

  test('resources that match no resource type of the actions, in words that agree with the count', async () => {
    const one = (await hoverAt('{"Statement":[{"Effect":"Allow|","Action":"s3:GetObject","Resource":"arn:aws:sqs:*:*:q"}]}'))!;
    assert.match(one, /on 1 resource that matches no resource type of these actions\*\*/);
    const two = (await hoverAt('{"Statement":[{"Effect":"Allow|","Action":"s3:GetObject","Resource":["arn:aws:sqs:*:*:q","arn:aws:sns:*:*:t"]}]}'))!;
    assert.match(two, /on 2 resources that match no resource type of these actions\*\*/);
  });

  test('a statement without actions', async () => {
    assert.match((await hoverAt('{"Statement":[{"Effect":"Allow|"}]}'))!, /^\*\*Allows no action/);
  });

  test('a service principal', async () => {
    assert.match((await hoverAt('{"Statement":[{"Principal":{"Service":"lambda.amazon|aws.com"}}]}'))!, /Service principal of \*\*AWS Lambda\*\*/);
  });
});
