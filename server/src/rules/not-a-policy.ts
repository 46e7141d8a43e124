import { isForeignJson } from '../policy/parse';
import { defineRule } from './types';

export default defineRule({
  id: 'not-a-policy',
  severity: 'hint',
  summary: 'The document is JSON of another kind (none of its keys is Version, Id or Statement), so it is not checked as a policy.',
  runsOnNonPolicies: true,
  messages: {
    notAPolicy:
      'None of the keys here is a policy element (Version, Id, Statement), so this file is not checked as an IAM policy. Add "Version" and "Statement" to start one, or open the file in another language mode.',
  },
  // Whole policy (no scope): it judges the shape of the whole document.
  check({ policy, report }) {
    if (isForeignJson(policy)) report({ span: { offset: policy.root!.offset, length: 1 }, messageId: 'notAPolicy' });
  },
});
