import { credentialsExposureActions } from './shared/sensitiveActions';
import { reportUnscopedActions } from './shared/unscopedActions';
import { defineRule } from './types';

export default defineRule({
  id: 'credentials-exposure',
  severity: 'info',
  scope: 'statement-and-denials',
  summary: 'Actions that return credentials (access keys, passwords, tokens) allowed on every resource.',
  policyTypes: ['identity'],
  messages: {
    credentialsExposure:
      '"{action}" allows actions that return or set credentials on every resource ({actions}); limit them to the resources this principal needs.',
  },
  check(context) {
    reportUnscopedActions(context, credentialsExposureActions, 'credentialsExposure');
  },
});
