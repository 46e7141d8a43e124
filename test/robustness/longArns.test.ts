/**
 * Known failure K5, fixed: Resource values far longer than any ARN. They are reported once (arn-too-long) and not
 * matched against ARN formats, and the memo tables that remember answers per value are bounded by the length of
 * their keys, so typing into a long value does not grow the heap edit after edit. Sizes and findings are asserted;
 * time only through a generous hang guard.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../shared/settings';
import { MAX_ARN_LENGTH } from '../../server/src/catalog/arn';
import { BoundedMemo } from '../../server/src/catalog/memo';
import { getCatalog } from '../../server/src/catalog';
import { createPolicyService } from '../../server/src/service';

const service = createPolicyService({ log: () => undefined });
/** Generous: guards against a hang, does not measure speed. */
const hangGuardMs = 120_000;

function policy(resource: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:*', 'iam:Pass*'], Resource: resource }],
  });
}

function validate(text: string, version = 1) {
  const model = service.parse(TextDocument.create('file:///k5/policy.iam.json', 'iam-policy', version, text), defaultSettings);
  return service.analyze(model, { settings: defaultSettings }).problems;
}

/** Heap in use after a full collection (V8's gc, exposed for this test). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

suite('long ARNs (K5)', { timeout: hangGuardMs }, () => {
  test('a 100 KB ARN is reported once as too long, and no other ARN rule matches it', () => {
    const arn = `arn:aws:ec2:us-east-1:123456789012:instance/${'a'.repeat(100_000)}`;
    const text = policy(arn);
    const problems = validate(text);
    const onValue = problems.filter((p) => p.offset === text.indexOf(`"${arn}"`));
    assert.deepEqual(
      onValue.map((p) => p.ruleId),
      ['arn-too-long'],
    );
    assert.match(onValue[0]!.message, /100,044 characters long; an ARN has at most 2,048/);
  });

  test('one character over the bound is too long; at the bound the ARN rules judge it as usual', () => {
    const head = 'arn:aws:s3:::bucket/';
    const atBound = head + 'k'.repeat(MAX_ARN_LENGTH - head.length);
    assert.ok(!validate(policy(atBound)).some((p) => p.ruleId === 'arn-too-long'));
    // s3:GetObject acts on objects and this is an object: no resource-mismatch either way, but ec2:* is judged.
    const over = `${atBound}k`;
    assert.deepEqual(
      validate(policy(over)).filter((p) => p.ruleId === 'arn-too-long').length,
      1,
    );
    assert.equal(getCatalog().matchArn(over, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), false, 'longer than any ARN: names no resource');
    assert.equal(getCatalog().matchArn(atBound, 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'), true);
  });

  test('typing into long ARNs does not grow the heap with every edit', (t) => {
    // Each edit is a new value: before K5's fix every one was remembered under keys holding the whole value, ~4.5 MB
    // per edit for a 20 KB value (830 MB after 175 edits); values just under the bound were remembered per format.
    const before = heapAfterGc();
    const tooLong = `arn:aws:ec2:us-east-1:123456789012:instance/${'b'.repeat(20_000)}`;
    const justUnder = `arn:aws:ec2:*:*:instance/${'c'.repeat(MAX_ARN_LENGTH - 60)}`;
    for (let edit = 0; edit < 400; edit++) {
      validate(policy(`${tooLong}${edit}`), edit);
      validate(policy(`${justUnder}${edit}`), edit);
    }
    const grown = heapAfterGc() - before;
    t.diagnostic(`heap growth over 800 edits: ${(grown / 1024 / 1024).toFixed(1)} MB`);
    assert.ok(grown < 60 * 1024 * 1024, `the heap grew by ${(grown / 1024 / 1024).toFixed(1)} MB over 800 edits`);
  });
});

suite('BoundedMemo', () => {
  test('keeps the total length of its keys within the bound, and never keeps a key over the longest', () => {
    const memo = new BoundedMemo<number>({ maxEntries: 1_000, maxKeyChars: 10_000, maxKeyLength: 500 });
    for (let i = 0; i < 5_000; i++) {
      memo.set(`${i}:${'x'.repeat(i % 700)}`, i);
      assert.ok(memo.keyLength <= 10_000, `after ${i} keys: ${memo.keyLength} characters`);
      assert.ok(memo.size <= 1_000);
    }
    memo.set('y'.repeat(501), 1);
    assert.equal(memo.has('y'.repeat(501)), false);
  });

  test('a key over the longest is answered once while it is asked again and again, and only the last one is kept', () => {
    const memo = new BoundedMemo<number>({ maxEntries: 10, maxKeyChars: 1_000, maxKeyLength: 100 });
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key.length;
    };
    const long = ':'.repeat(61_000);
    for (let i = 0; i < 22_000; i++) assert.equal(memo.getOrCompute(long, compute), 61_000);
    assert.equal(calls, 1, 'one computation for 22,000 asks of one long value (fuzz case 383696: 4 s per validation)');
    assert.equal(memo.getOrCompute('y'.repeat(200), compute), 200);
    assert.equal(memo.getOrCompute(long, compute), 61_000);
    assert.equal(calls, 3, 'only the last long key is kept');
    assert.equal(memo.size, 0);
    assert.equal(memo.keyLength, 0);
  });

  test('answers what it remembers, undefined answers included, and computes once', () => {
    const memo = new BoundedMemo<string | undefined>({ maxEntries: 10, maxKeyChars: 1_000, maxKeyLength: 100 });
    let calls = 0;
    const compute = (key: string) => {
      calls++;
      return key === 'none' ? undefined : key.toUpperCase();
    };
    assert.equal(memo.getOrCompute('a', compute), 'A');
    assert.equal(memo.getOrCompute('a', compute), 'A');
    assert.equal(memo.getOrCompute('none', compute), undefined);
    assert.equal(memo.getOrCompute('none', compute), undefined);
    assert.equal(calls, 2);
    // Starting over when a bound is passed: the entries before are gone, the new one is kept.
    for (let i = 0; i < 10; i++) memo.set(`k${i}`, 'v');
    assert.equal(memo.has('a'), false);
    assert.equal(memo.get('k9'), 'v');
  });
});
