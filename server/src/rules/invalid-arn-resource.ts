import { isPattern } from './shared/arnFields';
import { describeFormats } from './shared/arnFieldChecks';
import { arnFormatIndex, formatsFittingResourcePart, formatsOfService } from './shared/arnFormats';
import { arnPolicyTypes, resourceValuesOf } from './shared/resourceValues';
import { defineRule } from './types';

export default defineRule({
  id: 'invalid-arn-resource',
  severity: 'error',
  scope: 'statement',
  summary: 'The resource part of an ARN matches none of the ARN formats of its service.',
  policyTypes: arnPolicyTypes,
  messages: {
    noFormat: 'The resource part "{part}" of {resource} matches no {service} ARN format ({formats}).',
    unknownService: '{resource}: "{service}" is not the service of any AWS ARN format.',
  },
  check({ statements, policyType, catalog, report }) {
    for (const value of resourceValuesOf(statements, policyType)) {
      if (value.shape.kind !== 'arn') continue;
      const arn = value.shape.arn;
      const service = arn.service.text;
      if (isPattern(service)) continue;
      // Asked here, not before the loop: the index is built on first use (~20 ms), which a policy naming no ARN
      // never needs.
      const index = arnFormatIndex(catalog);
      const formats = formatsOfService(index, service);
      const data = { resource: value.value.value, service, part: arn.resource.text };
      if (!formats) {
        // A real service whose actions all act on "*" has no formats to compare with; say nothing then.
        if (!catalog.findService(service)) report({ node: value.value.node, messageId: 'unknownService', data });
        continue;
      }
      if (formatsFittingResourcePart(index, arn)?.length) continue;
      report({ node: value.value.node, messageId: 'noFormat', data: { ...data, formats: describeFormats(formats) } });
    }
  },
});
