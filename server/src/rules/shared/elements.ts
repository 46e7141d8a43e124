/** The element names IAM's policy grammar defines, by where they may stand. Case-sensitive, as AWS reads them. */
export const topLevelElements = ['Version', 'Id', 'Statement'] as const;
export const statementElements = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;
