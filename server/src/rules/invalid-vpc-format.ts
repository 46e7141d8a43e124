import { checkIdFormat } from './shared/idFormatRule';
import { defineRule } from './types';
import { vpcIdFormat } from './shared/valueFormats';

export default defineRule({
  id: 'invalid-vpc-format',
  severity: 'error',
  scope: 'statement',
  summary: 'A VPC condition key (aws:SourceVpc) is compared with a value that is not a VPC ID.',
  messages: {
    notVpcId: '"{value}" is not a VPC ID, which "{key}" holds: vpc- and 8 or 17 hexadecimal digits, such as {example}.',
  },
  check(context) {
    checkIdFormat(context, vpcIdFormat, 'notVpcId');
  },
});
