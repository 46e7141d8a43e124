/**
 * A placeholder (`<my-vpc>`, `${Region}`, `<OIDC_provider_name>`) is reported once, by unfilled-placeholder: the
 * rules that judge a value's format leave it alone (docs/rules/unfilled-placeholder.md), since what it will stand for
 * is not written yet. Policies shaped like AWS's data-perimeter and SCP examples, which are full of them, run through
 * every rule of the registry for each policy type they are written for.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { getCatalog } from '../../server/src/catalog';
import { parsePolicy } from '../../server/src/policy/parse';
import { rules as registry } from '../../server/src/rules';
import { runRules } from '../../server/src/rules/run';
import type { PolicyType, Problem } from '../../server/src/rules/types';
import { documentOf } from '../support/documents';

/** Rules that judge something of a value other than what the placeholder stands for, each with why. */
const judgedAnyway: Readonly<Record<string, string>> = {
  // An Allow of an RCP must name "*", whatever the placeholder would become.
  'rcp-syntax-error-allow': 'the value is not "*"',
};

const condition = (operator: string, key: string, value: string) => ({ [operator]: { [key]: value } });

const statements: readonly object[] = [
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEqualsIfExists', 'aws:SourceVpc', '<my-vpc>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEqualsIfExists', 'aws:SourceVpce', '<my-vpce>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('NotIpAddressIfExists', 'aws:SourceIp', '<my-corporate-cidr>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEquals', 'aws:RequestedRegion', '<my-vpc-region>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('DateLessThan', 'aws:CurrentTime', '<start-date>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('NumericGreaterThan', 'aws:MultiFactorAuthAge', '<max-age>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('Bool', 'aws:SecureTransport', '<secure>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEqualsIfExists', 'aws:PrincipalOrgID', '<my-org-id>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEqualsIfExists', 'aws:PrincipalAccount', '<third-party-account-a>') },
  { Effect: 'Deny', Action: '*', Resource: '*', Condition: condition('StringNotEquals', '<OIDC_provider_name_1>:sub', '<my-tenant-value>') },
  { Effect: 'Deny', Action: 's3:*', NotResource: ['<third-party-resource>', 'arn:aws:s3:::${BucketName}/*'], Condition: condition('StringNotEqualsIfExists', 'aws:ResourceOrgID', '<my-org-id>') },
];

const documents: readonly [name: string, policyType: PolicyType, text: string][] = [
  ['an SCP', 'scp', JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)],
  ['an RCP', 'rcp', JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ ...s, Principal: '*', Action: 's3:*' })) }, null, 2)],
  [
    'a VPC endpoint policy',
    'resource',
    JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: condition('StringEquals', 'aws:PrincipalOrgID', '<my-org-id>') },
          { Effect: 'Allow', Principal: '*', Action: '<action>', Resource: '<third-party-resource-arn>', Condition: condition('StringEquals', 'aws:ResourceAccount', '<third-party-account-a>') },
        ],
      },
      null,
      2,
    ),
  ],
];

const overlaps = (a: Problem, b: Problem) => a.offset < b.offset + b.length && b.offset < a.offset + a.length;

suite('placeholders are unfilled-placeholder\'s alone', () => {
  for (const [name, policyType, text] of documents) {
    test(`${name}: no other rule reports a placeholder`, () => {
      const problems = runRules(parsePolicy(documentOf(text)), registry, {
        catalog: getCatalog(),
        policyType,
        settings: { rules: {} },
        onRuleError: (_rule, error) => {
          throw error;
        },
      });
      const placeholders = problems.filter((p) => p.ruleId === 'unfilled-placeholder');
      // Not vacuous: the placeholders are found (action values are invalid-action's, not placeholders).
      assert.ok(placeholders.length >= 3, `${placeholders.length} placeholders reported`);
      const others = problems.filter((p) => p.ruleId !== 'unfilled-placeholder' && !(p.ruleId in judgedAnyway) && placeholders.some((q) => overlaps(p, q)));
      assert.deepEqual(
        others.map((p) => `${p.ruleId}: ${p.message}`),
        [],
      );
    });
  }
});
