import { MAX_ARN_LENGTH } from '../catalog/arn';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';
import { formatCount } from '../../../shared/formatCount';

export default defineRule({
  id: 'arn-too-long',
  severity: 'warning',
  scope: 'statement',
  summary: 'A resource ARN is longer than the 2,048 characters an ARN can have, so it names no resource and is not checked further.',
  policyTypes: arnPolicyTypes,
  messages: {
    tooLong: 'This ARN is {length} characters long; an ARN has at most {limit}, so it names no resource. The other ARN checks skip it.',
  },
  check({ statements, policyType, report }) {
    for (const { value, shape } of resourceValuesOf(statements, policyType)) {
      if (shape.kind !== 'tooLong') continue;
      report({ node: value.node, messageId: 'tooLong', data: { length: formatCount(shape.length), limit: formatCount(MAX_ARN_LENGTH) } });
    }
  },
});
