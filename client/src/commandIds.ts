/** Command ids, as package.json `contributes.commands` declares them. */
export const choosePolicyTypeCommand = 'iamPolicy.choosePolicyType';
export const showPolicyActionsCommand = 'iamPolicy.showPolicyActions';
export const showStatementActionsCommand = 'iamPolicy.showStatementActions';
export const newPolicyFromTemplateCommand = 'iamPolicy.newPolicyFromTemplate';
export const showDataVersionCommand = 'iamPolicy.showDataVersion';
export const checkAccessCommand = 'iamPolicy.checkAccess';
export const compareWithCommittedCommand = 'iamPolicy.compareWithCommitted';
