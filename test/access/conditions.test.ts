/**
 * One table per condition operator family, from the examples of AWS's condition operator page (the URL of the section
 * heads each table), plus missing-key, IfExists, set-operator and policy-variable rows. A row is one condition block
 * `{ operator: { key: values } }` against a request context, and whether the condition holds.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkConditions, operatorSemantics } from '../../server/src/access/conditions';
import { createRequest } from '../../server/src/access/request';
import { conditionOperators, parseOperator } from '../../server/src/policy/operators';
import { contextOf, policyOf, statements } from './support';

type Values = string | readonly string[];
interface Row {
  readonly operator: string;
  readonly key: string;
  readonly values: Values | number | boolean;
  /** The request context; a key left out is missing. */
  readonly context: Record<string, Values>;
  readonly holds: boolean;
  /** The reason expected when it does not hold. */
  readonly reason?: string;
  readonly version?: string;
}

const operatorsPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';

function holds(row: Row): { holds: boolean; reason: string | undefined } {
  const condition = { [row.operator]: { [row.key]: row.values } };
  const document = { Version: row.version ?? '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] };
  const policy = policyOf(row.version ? document : statements(document.Statement[0]!));
  const request = createRequest({ action: 's3:GetObject', resource: '*', context: contextOf(row.context) });
  const checks = checkConditions(policy.model.statements[0]!.condition!, request, (row.version ?? '2012-10-17') === '2012-10-17');
  assert.equal(checks.length, 1);
  return { holds: checks[0]!.holds, reason: checks[0]!.reason };
}

const tables: Record<string, { source: string; rows: Row[] }> = {
  String: {
    source: `${operatorsPage}#Conditions_String`,
    rows: [
      // The page's example: the principal's job-category tag must be iamuser-admin.
      { operator: 'StringEquals', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' }, holds: true },
      { operator: 'StringEquals', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'IAMUser-Admin' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringEquals', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: {}, holds: false, reason: 'keyMissing' },
      // Key names are not case-sensitive.
      { operator: 'StringEquals', key: 'AWS:PRINCIPALTAG/JOB-CATEGORY', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'iamuser-admin' }, holds: true },
      // Several values: any of them.
      { operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'], context: { 'aws:RequestedRegion': 'eu-central-1' }, holds: true },
      { operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'], context: { 'aws:RequestedRegion': 'us-east-1' }, holds: true },
      { operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'], context: { 'aws:RequestedRegion': 'eu-west-1' }, holds: false, reason: 'valueMismatch' },
      // A negated operator holds on a missing key.
      { operator: 'StringNotEquals', key: 'aws:RequestedRegion', values: 'eu-west-1', context: {}, holds: true },
      { operator: 'StringEqualsIgnoreCase', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'IAMUser-Admin' }, holds: true },
      { operator: 'StringEqualsIgnoreCase', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'admin' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringNotEqualsIgnoreCase', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringNotEqualsIgnoreCase', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: { 'aws:PrincipalTag/job-category': 'viewer' }, holds: true },
      { operator: 'StringNotEqualsIgnoreCase', key: 'aws:PrincipalTag/job-category', values: 'iamuser-admin', context: {}, holds: true },
      // The page's StringLike example: a prefix under the user's home folder.
      { operator: 'StringLike', key: 's3:prefix', values: ['', 'home/', 'home/${aws:username}/'], context: { 's3:prefix': 'home/johndoe/', 'aws:username': 'johndoe' }, holds: true },
      { operator: 'StringLike', key: 's3:prefix', values: ['', 'home/', 'home/${aws:username}/'], context: { 's3:prefix': 'home/janedoe/', 'aws:username': 'johndoe' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringLike', key: 's3:prefix', values: 'home/*/photos/??.jpg', context: { 's3:prefix': 'home/a/b/photos/01.jpg' }, holds: true },
      { operator: 'StringLike', key: 's3:prefix', values: 'home/*/photos/??.jpg', context: { 's3:prefix': 'home/a/photos/001.jpg' }, holds: false, reason: 'valueMismatch' },
      // StringLike is case-sensitive.
      { operator: 'StringLike', key: 'aws:PrincipalTag/team', values: 'dev*', context: { 'aws:PrincipalTag/team': 'Developers' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringNotLike', key: 'aws:PrincipalTag/team', values: 'dev*', context: { 'aws:PrincipalTag/team': 'ops' }, holds: true },
      { operator: 'StringNotLike', key: 'aws:PrincipalTag/team', values: 'dev*', context: { 'aws:PrincipalTag/team': 'developers' }, holds: false, reason: 'valueMismatch' },
      { operator: 'StringNotLike', key: 'aws:PrincipalTag/team', values: 'dev*', context: {}, holds: true },
      // JSON numbers and booleans in a string condition compare as their text.
      { operator: 'StringEquals', key: 's3:max-keys', values: 10, context: { 's3:max-keys': '10' }, holds: true },
    ],
  },
  Numeric: {
    source: `${operatorsPage}#Conditions_Numeric`,
    rows: [
      // The page's example: list at most 10 objects.
      { operator: 'NumericLessThanEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10' }, holds: true },
      { operator: 'NumericLessThanEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '11' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NumericLessThanEquals', key: 's3:max-keys', values: '10', context: {}, holds: false, reason: 'keyMissing' },
      { operator: 'NumericEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10.0' }, holds: true },
      { operator: 'NumericEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': 'ten' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NumericNotEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '9' }, holds: true },
      { operator: 'NumericNotEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NumericNotEquals', key: 's3:max-keys', values: '10', context: {}, holds: true },
      { operator: 'NumericLessThan', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NumericLessThan', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '-3.5' }, holds: true },
      { operator: 'NumericGreaterThan', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '11' }, holds: true },
      { operator: 'NumericGreaterThan', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NumericGreaterThanEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '10' }, holds: true },
      { operator: 'NumericGreaterThanEquals', key: 's3:max-keys', values: '10', context: { 's3:max-keys': '9' }, holds: false, reason: 'valueMismatch' },
    ],
  },
  Date: {
    source: `${operatorsPage}#Conditions_Date`,
    rows: [
      // The page's example: temporary credentials issued before a date.
      { operator: 'DateGreaterThan', key: 'aws:TokenIssueTime', values: '2020-01-01T00:00:01Z', context: { 'aws:TokenIssueTime': '2020-06-01T00:00:00Z' }, holds: true },
      { operator: 'DateGreaterThan', key: 'aws:TokenIssueTime', values: '2020-01-01T00:00:01Z', context: { 'aws:TokenIssueTime': '2019-12-31T23:59:59Z' }, holds: false, reason: 'valueMismatch' },
      { operator: 'DateGreaterThan', key: 'aws:TokenIssueTime', values: '2020-01-01T00:00:01Z', context: {}, holds: false, reason: 'keyMissing' },
      // Epoch seconds and ISO 8601 compare as the same instant.
      { operator: 'DateEquals', key: 'aws:CurrentTime', values: '1577836800', context: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, holds: true },
      { operator: 'DateEquals', key: 'aws:CurrentTime', values: '2020-01-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' }, holds: false, reason: 'valueMismatch' },
      { operator: 'DateNotEquals', key: 'aws:CurrentTime', values: '2020-01-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-01-01T00:00:01Z' }, holds: true },
      { operator: 'DateNotEquals', key: 'aws:CurrentTime', values: '2020-01-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' }, holds: false, reason: 'valueMismatch' },
      { operator: 'DateLessThan', key: 'aws:CurrentTime', values: '2020-04-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-03-31T23:59:59Z' }, holds: true },
      { operator: 'DateLessThan', key: 'aws:CurrentTime', values: '2020-04-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, holds: false, reason: 'valueMismatch' },
      { operator: 'DateLessThanEquals', key: 'aws:CurrentTime', values: '2020-04-01T00:00:00Z', context: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, holds: true },
      { operator: 'DateLessThanEquals', key: 'aws:CurrentTime', values: '2020-04-01', context: { 'aws:CurrentTime': '2020-04-02T00:00:00Z' }, holds: false, reason: 'valueMismatch' },
      { operator: 'DateGreaterThanEquals', key: 'aws:EpochTime', values: '1585699200', context: { 'aws:EpochTime': '1585699200' }, holds: true },
      { operator: 'DateGreaterThanEquals', key: 'aws:EpochTime', values: '1585699200', context: { 'aws:EpochTime': 'yesterday' }, holds: false, reason: 'valueMismatch' },
    ],
  },
  Bool: {
    source: `${operatorsPage}#Conditions_Boolean`,
    rows: [
      // The page's example: deny requests that are not sent over TLS.
      { operator: 'Bool', key: 'aws:SecureTransport', values: 'false', context: { 'aws:SecureTransport': 'false' }, holds: true },
      { operator: 'Bool', key: 'aws:SecureTransport', values: 'false', context: { 'aws:SecureTransport': 'true' }, holds: false, reason: 'valueMismatch' },
      { operator: 'Bool', key: 'aws:SecureTransport', values: 'false', context: {}, holds: false, reason: 'keyMissing' },
      { operator: 'Bool', key: 'aws:MultiFactorAuthPresent', values: true, context: { 'aws:MultiFactorAuthPresent': 'TRUE' }, holds: true },
      // BoolIfExists: long-term keys carry no MFA key, so a "false" check with IfExists also catches them.
      { operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', values: 'false', context: {}, holds: true },
      { operator: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', values: 'false', context: { 'aws:MultiFactorAuthPresent': 'true' }, holds: false, reason: 'valueMismatch' },
    ],
  },
  Binary: {
    source: `${operatorsPage}#Conditions_BinaryEquals`,
    rows: [
      { operator: 'BinaryEquals', key: 'key', values: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', context: { key: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, holds: true },
      { operator: 'BinaryEquals', key: 'key', values: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', context: { key: 'T3RoZXJWYWx1ZQ==' }, holds: false, reason: 'valueMismatch' },
      { operator: 'BinaryEquals', key: 'key', values: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', context: {}, holds: false, reason: 'keyMissing' },
      { operator: 'BinaryEqualsIfExists', key: 'key', values: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', context: {}, holds: true },
    ],
  },
  IPAddress: {
    source: `${operatorsPage}#Conditions_IPAddress`,
    rows: [
      // The page's examples: an IPv4 range, and IPv4 with IPv6.
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: { 'aws:SourceIp': '203.0.113.77' }, holds: true },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: { 'aws:SourceIp': '203.0.114.1' }, holds: false, reason: 'valueMismatch' },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: {}, holds: false, reason: 'keyMissing' },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], context: { 'aws:SourceIp': '2001:db8:1234:5678:abcd::1' }, holds: true },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], context: { 'aws:SourceIp': '2001:db8:1234:5679::1' }, holds: false, reason: 'valueMismatch' },
      // A plain address is a range of one; an IPv4 address is never in an IPv6 range.
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '198.51.100.7', context: { 'aws:SourceIp': '198.51.100.7' }, holds: true },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '::/0', context: { 'aws:SourceIp': '198.51.100.7' }, holds: false, reason: 'valueMismatch' },
      { operator: 'IpAddress', key: 'aws:SourceIp', values: '0.0.0.0/0', context: { 'aws:SourceIp': 'not-an-address' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NotIpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: { 'aws:SourceIp': '192.0.2.1' }, holds: true },
      { operator: 'NotIpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: { 'aws:SourceIp': '203.0.113.1' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NotIpAddress', key: 'aws:SourceIp', values: '2001:DB8::/32', context: { 'aws:SourceIp': '2001:db8:ffff::1' }, holds: false, reason: 'valueMismatch' },
      { operator: 'NotIpAddress', key: 'aws:SourceIp', values: '203.0.113.0/24', context: {}, holds: true },
    ],
  },
  ARN: {
    source: `${operatorsPage}#Conditions_ARN`,
    rows: [
      // The page's example: only messages from one SNS topic.
      { operator: 'ArnEquals', key: 'aws:SourceArn', values: 'arn:aws:sns:us-east-1:123456789012:my-topic', context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:my-topic' }, holds: true },
      { operator: 'ArnEquals', key: 'aws:SourceArn', values: 'arn:aws:sns:us-east-1:123456789012:my-topic', context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:My-Topic' }, holds: false, reason: 'valueMismatch' },
      { operator: 'ArnEquals', key: 'aws:SourceArn', values: 'arn:aws:sns:us-east-1:123456789012:my-topic', context: {}, holds: false, reason: 'keyMissing' },
      // Wildcards inside each field; a * does not reach across a field's colon.
      { operator: 'ArnLike', key: 'aws:SourceArn', values: 'arn:aws:sns:*:123456789012:my-*', context: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:my-topic' }, holds: true },
      { operator: 'ArnLike', key: 'aws:SourceArn', values: 'arn:aws:sns:*:123456789012:my-*', context: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:210987654321:my-topic' }, holds: false, reason: 'valueMismatch' },
      { operator: 'ArnLike', key: 'aws:PrincipalArn', values: 'arn:aws:iam::*:role/admin-*', context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin-ops' }, holds: true },
      { operator: 'ArnLike', key: 'aws:SourceArn', values: 'arn:aws:s3:::bucket*', context: { 'aws:SourceArn': 'arn:aws:s3:::bucket-logs' }, holds: true },
      { operator: 'ArnEquals', key: 'aws:SourceArn', values: 'arn:aws:sns:us-east-1:*:my-topic', context: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:123456789012:my-topic' }, holds: true },
      { operator: 'ArnNotEquals', key: 'aws:PrincipalArn', values: 'arn:aws:iam::123456789012:role/admin', context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/dev' }, holds: true },
      { operator: 'ArnNotEquals', key: 'aws:PrincipalArn', values: 'arn:aws:iam::123456789012:role/admin', context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin' }, holds: false, reason: 'valueMismatch' },
      { operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: 'arn:aws:iam::*:role/admin-*', context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/admin-ops' }, holds: false, reason: 'valueMismatch' },
      { operator: 'ArnNotLike', key: 'aws:PrincipalArn', values: 'arn:aws:iam::*:role/admin-*', context: {}, holds: true },
    ],
  },
  Null: {
    source: `${operatorsPage}#Conditions_Null`,
    rows: [
      // The page's example: only temporary credentials (which carry aws:TokenIssueTime).
      { operator: 'Null', key: 'aws:TokenIssueTime', values: 'false', context: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, holds: true },
      { operator: 'Null', key: 'aws:TokenIssueTime', values: 'false', context: {}, holds: false, reason: 'keyMissing' },
      { operator: 'Null', key: 'aws:TokenIssueTime', values: 'true', context: {}, holds: true },
      { operator: 'Null', key: 'aws:TokenIssueTime', values: 'true', context: { 'aws:TokenIssueTime': '2020-01-01T00:00:00Z' }, holds: false, reason: 'keyPresent' },
      { operator: 'Null', key: 'aws:TokenIssueTime', values: true, context: {}, holds: true },
    ],
  },
};

const ifExistsRows: Row[] = [
  // The IfExists section's example: instance types, for requests that carry the key.
  { operator: 'StringLikeIfExists', key: 'ec2:InstanceType', values: ['t1.*', 't2.*', 'm3.*'], context: {}, holds: true },
  { operator: 'StringLikeIfExists', key: 'ec2:InstanceType', values: ['t1.*', 't2.*', 'm3.*'], context: { 'ec2:InstanceType': 't2.micro' }, holds: true },
  { operator: 'StringLikeIfExists', key: 'ec2:InstanceType', values: ['t1.*', 't2.*', 'm3.*'], context: { 'ec2:InstanceType': 'm5.large' }, holds: false, reason: 'valueMismatch' },
  { operator: 'StringNotEqualsIfExists', key: 'ec2:InstanceType', values: 't2.micro', context: { 'ec2:InstanceType': 't2.micro' }, holds: false, reason: 'valueMismatch' },
  { operator: 'NumericLessThanIfExists', key: 's3:max-keys', values: '10', context: {}, holds: true },
  { operator: 'DateLessThanIfExists', key: 'aws:TokenIssueTime', values: '2020-01-01T00:00:00Z', context: {}, holds: true },
  { operator: 'IpAddressIfExists', key: 'aws:SourceIp', values: '203.0.113.0/24', context: {}, holds: true },
  { operator: 'NotIpAddressIfExists', key: 'aws:SourceIp', values: '203.0.113.0/24', context: { 'aws:SourceIp': '203.0.113.9' }, holds: false, reason: 'valueMismatch' },
  { operator: 'ArnLikeIfExists', key: 'aws:SourceArn', values: 'arn:aws:sns:*:*:t', context: {}, holds: true },
];

const setPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html';
const setRows: Row[] = [
  // ForAllValues: every requested tag key must be listed; also true when the request carries no tag keys.
  { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': ['environment'] }, holds: true },
  { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': ['environment', 'cost-center'] }, holds: true },
  { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': ['environment', 'owner'] }, holds: false, reason: 'valueMismatch' },
  { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: {}, holds: true },
  { operator: 'ForAllValues:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': [] }, holds: true },
  { operator: 'ForAllValues:StringLike', key: 'aws:TagKeys', values: 'Created*', context: { 'aws:TagKeys': ['CreatedBy', 'CreatedAt'] }, holds: true },
  { operator: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', values: ['secret'], context: { 'aws:TagKeys': ['a', 'b'] }, holds: true },
  { operator: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', values: ['secret'], context: { 'aws:TagKeys': ['a', 'secret'] }, holds: false, reason: 'valueMismatch' },
  // ForAnyValue: at least one requested value must be listed; false when the key is missing.
  { operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': ['environment', 'owner'] }, holds: true },
  { operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': ['owner'] }, holds: false, reason: 'valueMismatch' },
  { operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: {}, holds: false, reason: 'keyMissing' },
  { operator: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', values: ['environment', 'cost-center'], context: { 'aws:TagKeys': [] }, holds: false, reason: 'keyMissing' },
  { operator: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', values: ['environment'], context: { 'aws:TagKeys': ['environment', 'owner'] }, holds: true },
  { operator: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', values: ['environment'], context: { 'aws:TagKeys': ['environment'] }, holds: false, reason: 'valueMismatch' },
  { operator: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', values: ['environment'], context: {}, holds: false, reason: 'keyMissing' },
  { operator: 'ForAnyValue:StringEqualsIfExists', key: 'aws:TagKeys', values: ['environment'], context: {}, holds: true },
  { operator: 'ForAllValues:ArnLike', key: 'aws:PrincipalServiceNamesList', values: 'arn:aws:iam::*:role/x', context: { 'aws:PrincipalServiceNamesList': ['arn:aws:iam::1:role/x'] }, holds: true },
  // Without a set operator, a multivalued key holds when any of its values matches (negated: when none does).
  { operator: 'StringEquals', key: 'aws:TagKeys', values: 'environment', context: { 'aws:TagKeys': ['owner', 'environment'] }, holds: true },
  { operator: 'StringNotEquals', key: 'aws:TagKeys', values: 'environment', context: { 'aws:TagKeys': ['owner', 'environment'] }, holds: false, reason: 'valueMismatch' },
];

const variablesPage = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
const variableRows: Row[] = [
  { operator: 'StringEquals', key: 's3:prefix', values: 'home/${aws:username}', context: { 's3:prefix': 'home/ana', 'aws:username': 'ana' }, holds: true },
  { operator: 'StringEquals', key: 's3:prefix', values: 'home/${aws:username}', context: { 's3:prefix': 'home/ana', 'aws:username': 'bob' }, holds: false, reason: 'valueMismatch' },
  // A variable whose key is missing matches nothing; a default stands in for it.
  { operator: 'StringEquals', key: 's3:prefix', values: 'home/${aws:username}', context: { 's3:prefix': 'home/' }, holds: false, reason: 'valueMismatch' },
  { operator: 'StringEquals', key: 'aws:ResourceTag/team', values: "${aws:PrincipalTag/team, 'company-wide'}", context: { 'aws:ResourceTag/team': 'company-wide' }, holds: true },
  { operator: 'StringEquals', key: 'aws:ResourceTag/team', values: "${aws:PrincipalTag/team, 'company-wide'}", context: { 'aws:ResourceTag/team': 'blue', 'aws:PrincipalTag/team': 'blue' }, holds: true },
  // ${*} and ${?} are the literal characters, not wildcards.
  { operator: 'StringLike', key: 's3:prefix', values: 'a${*}b', context: { 's3:prefix': 'a*b' }, holds: true },
  { operator: 'StringLike', key: 's3:prefix', values: 'a${*}b', context: { 's3:prefix': 'axxb' }, holds: false, reason: 'valueMismatch' },
  { operator: 'StringLike', key: 's3:prefix', values: 'a${?}*', context: { 's3:prefix': 'a?bc' }, holds: true },
  { operator: 'StringEquals', key: 's3:prefix', values: 'cost${$}', context: { 's3:prefix': 'cost$' }, holds: true },
  // A value from the request is data: its * is no wildcard.
  { operator: 'StringLike', key: 's3:prefix', values: 'home/${aws:username}/x', context: { 's3:prefix': 'home/ana/x', 'aws:username': '*' }, holds: false, reason: 'valueMismatch' },
  // Multivalued keys cannot be variables.
  { operator: 'StringEquals', key: 's3:prefix', values: '${aws:TagKeys}', context: { 's3:prefix': 'a', 'aws:TagKeys': ['a', 'b'] }, holds: false, reason: 'valueMismatch' },
  { operator: 'ArnEquals', key: 'aws:PrincipalArn', values: 'arn:aws:iam::${aws:PrincipalAccount}:role/ops', context: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/ops', 'aws:PrincipalAccount': '123456789012' }, holds: true },
  // Before Version 2012-10-17, ${...} is plain text.
  { operator: 'StringEquals', key: 's3:prefix', values: 'home/${aws:username}', context: { 's3:prefix': 'home/ana', 'aws:username': 'ana' }, holds: false, reason: 'valueMismatch', version: '2008-10-17' },
  { operator: 'StringEquals', key: 's3:prefix', values: 'home/${aws:username}', context: { 's3:prefix': 'home/${aws:username}' }, holds: true, version: '2008-10-17' },
];

function runRows(rows: readonly Row[]): void {
  for (const row of rows) {
    const name = `${row.operator} ${row.key} ${JSON.stringify(row.values)} with ${JSON.stringify(row.context)}${row.version ? ` (Version ${row.version})` : ''} -> ${row.holds}`;
    test(name, () => {
      const result = holds(row);
      assert.equal(result.holds, row.holds);
      assert.equal(result.reason, row.holds ? undefined : row.reason);
    });
  }
}

for (const [family, table] of Object.entries(tables)) suite(`${family} operators (${table.source})`, () => runRows(table.rows));
suite(`IfExists (${operatorsPage}#Conditions_IfExists)`, () => runRows(ifExistsRows));
suite(`set operators on multivalued keys (${setPage})`, () => runRows(setRows));
suite(`policy variables in condition values (${variablesPage})`, () => runRows(variableRows));

suite('operator coverage', () => {
  const allRows = [...Object.values(tables).flatMap((t) => t.rows), ...ifExistsRows, ...setRows, ...variableRows];
  test('every operator of data/condition-operators.json has a meaning and rows where it holds and where it does not', () => {
    const uncovered: string[] = [];
    for (const operator of conditionOperators) {
      assert.ok(operatorSemantics(parseOperator(operator.name)), `${operator.name}: the evaluator cannot read it`);
      const rows = allRows.filter((row) => parseOperator(row.operator).baseName === operator.name);
      if (!rows.some((r) => r.holds) || !rows.some((r) => !r.holds)) uncovered.push(operator.name);
    }
    assert.deepEqual(uncovered, []);
  });
  test('every family has missing-key rows, and rows with IfExists', () => {
    for (const [family, table] of Object.entries(tables)) {
      assert.ok(table.rows.some((r) => Object.keys(r.context).length === 0 || !(r.key.toLowerCase() in lowerKeys(r.context))), `${family}: no missing-key row`);
    }
    const families = new Set([...ifExistsRows, ...Object.values(tables).flatMap((t) => t.rows)].filter((r) => parseOperator(r.operator).ifExists).map((r) => parseOperator(r.operator).operator!.family));
    assert.deepEqual([...families].sort(), ['ARN', 'Binary', 'Bool', 'Date', 'IPAddress', 'Numeric', 'String']);
  });
  test('an unknown operator never holds', () => {
    const result = holds({ operator: 'StringEqualz', key: 'k', values: 'v', context: { k: 'v' }, holds: false });
    assert.deepEqual(result, { holds: false, reason: 'unknownOperator' });
  });
});

function lowerKeys(context: Record<string, Values>): Record<string, true> {
  return Object.fromEntries(Object.keys(context).map((k) => [k.toLowerCase(), true]));
}
