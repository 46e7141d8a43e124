import { checkIdFormat } from './shared/idFormatRule';
import { defineRule } from './types';
import { vpceIdFormat } from './shared/valueFormats';

export default defineRule({
  id: 'invalid-vpce-format',
  severity: 'error',
  scope: 'statement',
  summary: 'The VPC endpoint key aws:SourceVpce is compared with a value that is not a VPC endpoint ID.',
  messages: {
    notVpceId: '"{value}" is not a VPC endpoint ID, which "{key}" holds: vpce- and 8 or 17 hexadecimal digits, such as {example}.',
  },
  check(context) {
    checkIdFormat(context, vpceIdFormat, 'notVpceId');
  },
});
