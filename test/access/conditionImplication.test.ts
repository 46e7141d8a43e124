/**
 * Does one Condition block imply another? One row per operator family and relation: "holds" (proved), "no"
 * (a request satisfies the first and not the second), "unknown" (the diff then says "may widen").
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { conditionBlocks, conditionsImply } from '../../server/src/access/conditionImplication';
import { modelOf } from '../support/service';

function blocks(condition: Record<string, unknown>) {
  const model = modelOf(JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }] }));
  return conditionBlocks(model.statements[0]!.condition, true);
}

function relation(target: Record<string, unknown>, covering: Record<string, unknown>): 'holds' | 'no' | 'unknown' {
  const answer = conditionsImply(blocks(target), blocks(covering));
  return answer.holds ? 'holds' : answer.proven ? 'no' : 'unknown';
}

const k = 'aws:PrincipalTag/team';
const rows: [string, Record<string, unknown>, Record<string, unknown>, 'holds' | 'no' | 'unknown'][] = [
  ['no condition implies no condition', {}, {}, 'holds'],
  ['a condition implies none', { StringEquals: { [k]: 'a' } }, {}, 'holds'],
  ['none does not imply a condition', {}, { StringEquals: { [k]: 'a' } }, 'no'],
  ['key names compare without case', { StringEquals: { 'AWS:PRINCIPALTAG/team': 'a' } }, { StringEquals: { [k]: 'a' } }, 'holds'],
  ['StringEquals subset', { StringEquals: { [k]: ['a'] } }, { StringEquals: { [k]: ['a', 'b'] } }, 'holds'],
  ['StringEquals superset', { StringEquals: { [k]: ['a', 'c'] } }, { StringEquals: { [k]: ['a', 'b'] } }, 'no'],
  ['StringEquals values are not patterns', { StringEquals: { [k]: 'a*' } }, { StringEquals: { [k]: 'a*' } }, 'holds'],
  ['StringEquals within StringLike', { StringEquals: { [k]: ['data-1', 'data-2'] } }, { StringLike: { [k]: 'data-*' } }, 'holds'],
  ['StringLike within StringLike', { StringLike: { [k]: 'data-eu-*' } }, { StringLike: { [k]: ['data-*', 'ops'] } }, 'holds'],
  ['StringLike beyond StringEquals', { StringLike: { [k]: 'data-*' } }, { StringEquals: { [k]: 'data-1' } }, 'no'],
  ['StringNotEquals excluding more', { StringNotEquals: { [k]: ['a', 'b'] } }, { StringNotEquals: { [k]: 'a' } }, 'holds'],
  ['StringNotEquals excluding less', { StringNotEquals: { [k]: 'a' } }, { StringNotEquals: { [k]: ['a', 'b'] } }, 'no'],
  ['StringEquals outside a StringNotLike', { StringEquals: { [k]: 'ops' } }, { StringNotLike: { [k]: 'data-*' } }, 'holds'],
  ['StringEquals inside a StringNotLike', { StringEquals: { [k]: 'data-1' } }, { StringNotLike: { [k]: 'data-*' } }, 'no'],
  ['IgnoreCase within IgnoreCase', { StringEqualsIgnoreCase: { [k]: 'DATA' } }, { StringEqualsIgnoreCase: { [k]: ['data', 'ops'] } }, 'holds'],
  ['StringEquals within IgnoreCase', { StringEquals: { [k]: 'Data' } }, { StringEqualsIgnoreCase: { [k]: 'data' } }, 'holds'],
  ['IgnoreCase within StringEquals: cannot tell', { StringEqualsIgnoreCase: { [k]: 'data' } }, { StringEquals: { [k]: 'data' } }, 'unknown'],
  ['IfExists on the cover only', { StringEquals: { [k]: 'a' } }, { StringEqualsIfExists: { [k]: 'a' } }, 'holds'],
  ['IfExists on the target only', { StringEqualsIfExists: { [k]: 'a' } }, { StringEquals: { [k]: 'a' } }, 'no'],
  ['ForAnyValue subset', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, 'holds'],
  ['ForAllValues superset', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'c'] } }, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a', 'b'] } }, 'no'],
  ['different set qualifiers', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } }, { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['a'] } }, 'unknown'],
  ['ArnLike within ArnLike', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:orders' } }, { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } }, 'holds'],
  ['ArnEquals beyond ArnLike', { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:*:*:*' } }, { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' } }, 'no'],
  ['StringLike under an ARN operator: cannot tell', { StringLike: { 'aws:SourceArn': 'arn:aws:sns:x:1:y' } }, { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }, 'unknown'],
  ['NumericLessThan tighter', { NumericLessThan: { 's3:max-keys': '10' } }, { NumericLessThanEquals: { 's3:max-keys': '10' } }, 'holds'],
  ['NumericLessThanEquals at the bound of LessThan', { NumericLessThanEquals: { 's3:max-keys': '10' } }, { NumericLessThan: { 's3:max-keys': '10' } }, 'no'],
  ['NumericEquals within a range', { NumericEquals: { 's3:max-keys': ['5', '7'] } }, { NumericGreaterThan: { 's3:max-keys': '4' } }, 'holds'],
  ['NumericGreaterThan against LessThan', { NumericGreaterThan: { 's3:max-keys': '4' } }, { NumericLessThan: { 's3:max-keys': '100' } }, 'no'],
  ['not numbers', { NumericLessThan: { 's3:max-keys': 'ten' } }, { NumericLessThan: { 's3:max-keys': '10' } }, 'unknown'],
  // A base value the evaluator reads as no date matches no request: it cannot cover anything.
  ['a base date the evaluator cannot read', { DateLessThan: { 'aws:CurrentTime': '2025-01-01' } }, { DateLessThan: { 'aws:CurrentTime': 'Jan 1 2027' } }, 'unknown'],
  ['DateLessThan earlier', { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }, 'holds'],
  ['DateGreaterThan earlier', { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, { DateGreaterThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } }, 'no'],
  ['epoch seconds against ISO dates', { DateLessThan: { 'aws:EpochTime': '1767225600' } }, { DateLessThanEquals: { 'aws:EpochTime': '2026-01-01T00:00:00Z' } }, 'holds'],
  ['Bool same', { Bool: { 'aws:SecureTransport': 'TRUE' } }, { Bool: { 'aws:SecureTransport': 'true' } }, 'holds'],
  ['Bool other', { Bool: { 'aws:SecureTransport': 'false' } }, { Bool: { 'aws:SecureTransport': 'true' } }, 'no'],
  ['IpAddress inside', { IpAddress: { 'aws:SourceIp': ['10.1.0.0/16', '10.2.3.4'] } }, { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, 'holds'],
  ['IpAddress outside', { IpAddress: { 'aws:SourceIp': '192.168.0.0/16' } }, { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, 'no'],
  ['IPv6 inside', { IpAddress: { 'aws:SourceIp': '2001:db8:1::/48' } }, { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, 'holds'],
  // The addresses are read as the evaluator and the IP rules read them (policy/ipAddress.ts).
  ['IPv4-mapped IPv6 inside', { IpAddress: { 'aws:SourceIp': '::ffff:192.0.2.1' } }, { IpAddress: { 'aws:SourceIp': '::ffff:192.0.2.0/120' } }, 'holds'],
  ['an IPv4 part before :: is no address', { IpAddress: { 'aws:SourceIp': '192.0.2.1::/64' } }, { IpAddress: { 'aws:SourceIp': '::/0' } }, 'unknown'],
  ['IpAddress outside a NotIpAddress', { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { NotIpAddress: { 'aws:SourceIp': '192.168.0.0/16' } }, 'holds'],
  ['NotIpAddress excluding more', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { NotIpAddress: { 'aws:SourceIp': '10.1.0.0/16' } }, 'holds'],
  ['Null false from any positive test', { StringEquals: { [k]: 'a' } }, { Null: { [k]: 'false' } }, 'holds'],
  ['Null true is not Null false', { Null: { [k]: 'true' } }, { Null: { [k]: 'false' } }, 'no'],
  ['different families on one key', { StringEquals: { [k]: '3' } }, { NumericEquals: { [k]: '3' } }, 'unknown'],
  ['two covers, both implied', { StringEquals: { [k]: 'a', 'aws:SourceVpc': 'vpc-1' } }, { StringLike: { [k]: '*' }, StringEquals: { 'aws:SourceVpc': ['vpc-1', 'vpc-2'] } }, 'holds'],
  ['two covers, one on a key the target leaves free', { StringEquals: { [k]: 'a' } }, { StringLike: { [k]: '*' }, StringEquals: { 'aws:SourceVpc': 'vpc-1' } }, 'no'],
];

suite('condition implication', () => {
  for (const [name, target, covering, expected] of rows) {
    test(name, () => assert.equal(relation(target, covering), expected));
  }
});
