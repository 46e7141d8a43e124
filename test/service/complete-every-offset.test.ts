import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { defaultSettings } from '../../shared/settings';
import { modelOf, service } from '../support/service';

const documents = [
  '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root"],"Service":"lambda.amazonaws.com","Federated":"x"},"Action":["s3:Get*","iam:PassRole","*"],"NotAction":"ec2:*","Resource":["arn:aws:s3:::b/${aws:username}/*","*"],"NotResource":"arn:aws:sqs:*:*:q","Condition":{"ForAnyValue:StringLike":{"aws:CalledVia":["a","b"]},"Bool":{"aws:SecureTransport":true},"Null":{"x":1},"Foo":"bar","DateLessThan":{"aws:CurrentTime":["2026-01-01T00:00:00Z",null,{}]}}}]}',
  '{"Statement":{"Effect":"Deny","NotAction":["s3:*"],"Principal":"*","Resource":"arn:aws:s3:::b","Condition":{"StringEquals":{"aws:Res',
  '{"Statement":[{"Action":"s3:Get\n"Resource": "arn:aws:s3:::${\n"Condition": {"Str\n}]}',
  '{"Statement":[{"Action":["\\"s3:Get\\\\", "]}, {"Condition":{"":{"":""}}}, "x", [], {"Principal":{"":[""]}}]}',
];

suite('complete and hover at every offset of odd documents', () => {
  test('never throw, and every item edit stays inside the document', async () => {
    for (const text of documents) {
      const model = modelOf(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const position = model.document.positionAt(offset);
        const list = await service.complete(model, position);
        for (const item of list?.items ?? []) {
          const edit = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined;
          if (!edit) continue;
          const start = model.document.offsetAt(edit.range.start);
          const end = model.document.offsetAt(edit.range.end);
          assert.ok(start <= offset && offset <= end, `edit range contains the cursor at ${offset} in ${text}`);
        }
        await service.hover(model, position, { settings: defaultSettings });
      }
    }
  });
});
