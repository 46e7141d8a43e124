/** The registry: every rule, sorted by id. Adding a rule means adding one line here (see CONTRIBUTING.md). */
import allowWithNotAction from './allow-with-not-action';
import allowWithNotPrincipal from './allow-with-not-principal';
import allowWithNotResource from './allow-with-not-resource';
import arnAccountNotAllowed from './arn-account-not-allowed';
import arnRegionNotAllowed from './arn-region-not-allowed';
import arnTooLong from './arn-too-long';
import createSlrWithNotActionAndNotResource from './create-slr-with-not-action-and-not-resource';
import createSlrWithNotResource from './create-slr-with-not-resource';
import createSlrWithStarInActionAndNotResource from './create-slr-with-star-in-action-and-not-resource';
import createSlrWithStarInActionAndResource from './create-slr-with-star-in-action-and-resource';
import createSlrWithStarInResource from './create-slr-with-star-in-resource';
import createSlrWithStarInResourceAndNotAction from './create-slr-with-star-in-resource-and-not-action';
import credentialsExposure from './credentials-exposure';
import dataExfiltration from './data-exfiltration';
import dataTypeMismatch from './data-type-mismatch';
import deprecatedGlobalConditionKey from './deprecated-global-condition-key';
import duplicateKeysWithDifferentCase from './duplicate-keys-with-different-case';
import emptyArrayAction from './empty-array-action';
import emptyArrayResource from './empty-array-resource';
import emptyObjectCondition from './empty-object-condition';
import emptyVariable from './empty-variable';
import federatedPrincipalNotSupported from './federated-principal-not-supported';
import forallvaluesWithSingleValuedKey from './forallvalues-with-single-valued-key';
import fullAdminAccess from './full-admin-access';
import improveIpRange from './improve-ip-range';
import invalidAction from './invalid-action';
import invalidArnAccount from './invalid-arn-account';
import invalidArnPrefix from './invalid-arn-prefix';
import invalidArnRegion from './invalid-arn-region';
import invalidArnResource from './invalid-arn-resource';
import invalidArnServiceCase from './invalid-arn-service-case';
import invalidConditionKeyFormat from './invalid-condition-key-format';
import invalidConditionMultipleBoolean from './invalid-condition-multiple-boolean';
import invalidConditionOperator from './invalid-condition-operator';
import invalidEffect from './invalid-effect';
import invalidFederatedPrincipalSyntaxInRoleTrustPolicy from './invalid-federated-principal-syntax-in-role-trust-policy';
import invalidGlobalConditionKey from './invalid-global-condition-key';
import invalidPolicyElement from './invalid-policy-element';
import invalidPrincipalKey from './invalid-principal-key';
import invalidPrincipalValue from './invalid-principal-value';
import invalidRegion from './invalid-region';
import invalidRoleReference from './invalid-role-reference';
import invalidServiceConditionKey from './invalid-service-condition-key';
import invalidServiceInAction from './invalid-service-in-action';
import invalidServicePrincipalFormat from './invalid-service-principal-format';
import invalidUserReference from './invalid-user-reference';
import invalidVersion from './invalid-version';
import invalidVpcFormat from './invalid-vpc-format';
import invalidVpceFormat from './invalid-vpce-format';
import jsonSyntaxError from './json-syntax-error';
import manageOtherUsersCredentials from './manage-other-users-credentials';
import mfaCheckFailsOpen from './mfa-check-fails-open';
import mismatchedActionForPrincipal from './mismatched-action-for-principal';
import missingAction from './missing-action';
import missingActionForRolesAnywhereTrustPolicy from './missing-action-for-roles-anywhere-trust-policy';
import missingArnField from './missing-arn-field';
import missingArnAccount from './missing-arn-account';
import missingArnRegion from './missing-arn-region';
import missingBraceInVariable from './missing-brace-in-variable';
import missingConditionKeyForOidcPrincipal from './missing-condition-key-for-oidc-principal';
import missingEffect from './missing-effect';
import missingGithubRepoConditionKey from './missing-github-repo-condition-key';
import missingMfa from './missing-mfa';
import missingPrincipal from './missing-principal';
import missingQualifier from './missing-qualifier';
import missingResource from './missing-resource';
import missingStatement from './missing-statement';
import missingTagKeyInCondition from './missing-tag-key-in-condition';
import missingVersion from './missing-version';
import neverAllowedAccess from './never-allowed-access';
import notAPolicy from './not-a-policy';
import nullWithIfExists from './null-with-if-exists';
import nullWithQualifier from './null-with-qualifier';
import oldVersion from './old-version';
import passRoleWithNotActionAndNotResource from './pass-role-with-not-action-and-not-resource';
import passRoleWithNotResource from './pass-role-with-not-resource';
import passRoleWithStarInActionAndNotResource from './pass-role-with-star-in-action-and-not-resource';
import passRoleWithStarInActionAndResource from './pass-role-with-star-in-action-and-resource';
import passRoleWithStarInResource from './pass-role-with-star-in-resource';
import passRoleWithStarInResourceAndNotAction from './pass-role-with-star-in-resource-and-not-action';
import policySizeExceedsIdentityPolicyQuota from './policy-size-exceeds-identity-policy-quota';
import policySizeExceedsRcpQuota from './policy-size-exceeds-rcp-quota';
import policySizeExceedsScpQuota from './policy-size-exceeds-scp-quota';
import policySizeExceedsTrustPolicyQuota from './policy-size-exceeds-trust-policy-quota';
import privateIpAddress from './private-ip-address';
import privilegeEscalation from './privilege-escalation';
import privilegeEscalationPotential from './privilege-escalation-potential';
import publicPrincipal from './public-principal';
import publicTrustPolicy from './public-trust-policy';
import conditionNeverTrue from './condition-never-true';
import rcpSyntaxErrorAction from './rcp-syntax-error-action';
import rcpSyntaxErrorAllow from './rcp-syntax-error-allow';
import rcpSyntaxErrorNotaction from './rcp-syntax-error-notaction';
import rcpSyntaxErrorPrincipal from './rcp-syntax-error-principal';
import redundantAction from './redundant-action';
import redundantPrincipalInRoleTrustPolicy from './redundant-principal-in-role-trust-policy';
import redundantResource from './redundant-resource';
import resourceExposure from './resource-exposure';
import resourceMismatch from './resource-mismatch';
import resourcePolicyEscalation from './resource-policy-escalation';
import restrictAccessToServicePrincipal from './restrict-access-to-service-principal';
import roleTrustPolicySyntaxErrorResource from './role-trust-policy-syntax-error-resource';
import roleTrustPolicyUnsupportedWildcardInPrincipal from './role-trust-policy-unsupported-wildcard-in-principal';
import specificGithubRepoAndBranchRecommended from './specific-github-repo-and-branch-recommended';
import typeMismatch from './type-mismatch';
import typeMismatchBoolean from './type-mismatch-boolean';
import typeMismatchDate from './type-mismatch-date';
import typeMismatchIpRange from './type-mismatch-ip-range';
import typeMismatchNumber from './type-mismatch-number';
import unfilledPlaceholder from './unfilled-placeholder';
import uniqueSidsRecommended from './unique-sids-recommended';
import uniqueSidsRequired from './unique-sids-required';
import unsupportedActionForConditionKey from './unsupported-action-for-condition-key';
import unsupportedElementCombination from './unsupported-element-combination';
import unsupportedPrincipal from './unsupported-principal';
import unsupportedSid from './unsupported-sid';
import unsupportedSpaceInVariable from './unsupported-space-in-variable';
import unsupportedWildcardInPrincipal from './unsupported-wildcard-in-principal';
import variableUnsupportedInElement from './variable-unsupported-in-element';
import variableUnsupportedInVersion from './variable-unsupported-in-version';
import wildcardAction from './wildcard-action';
import wildcardInServiceName from './wildcard-in-service-name';
import wildcardResource from './wildcard-resource';
import wildcardWithoutLikeOperator from './wildcard-without-like-operator';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  allowWithNotAction,
  allowWithNotPrincipal,
  allowWithNotResource,
  arnAccountNotAllowed,
  arnRegionNotAllowed,
  arnTooLong,
  conditionNeverTrue,
  createSlrWithNotActionAndNotResource,
  createSlrWithNotResource,
  createSlrWithStarInActionAndNotResource,
  createSlrWithStarInActionAndResource,
  createSlrWithStarInResource,
  createSlrWithStarInResourceAndNotAction,
  credentialsExposure,
  dataExfiltration,
  dataTypeMismatch,
  deprecatedGlobalConditionKey,
  duplicateKeysWithDifferentCase,
  emptyArrayAction,
  emptyArrayResource,
  emptyObjectCondition,
  emptyVariable,
  federatedPrincipalNotSupported,
  forallvaluesWithSingleValuedKey,
  fullAdminAccess,
  improveIpRange,
  invalidAction,
  invalidArnAccount,
  invalidArnPrefix,
  invalidArnRegion,
  invalidArnResource,
  invalidArnServiceCase,
  invalidConditionKeyFormat,
  invalidConditionMultipleBoolean,
  invalidConditionOperator,
  invalidEffect,
  invalidFederatedPrincipalSyntaxInRoleTrustPolicy,
  invalidGlobalConditionKey,
  invalidPolicyElement,
  invalidPrincipalKey,
  invalidPrincipalValue,
  invalidRegion,
  invalidRoleReference,
  invalidServiceConditionKey,
  invalidServiceInAction,
  invalidServicePrincipalFormat,
  invalidUserReference,
  invalidVersion,
  invalidVpcFormat,
  invalidVpceFormat,
  jsonSyntaxError,
  manageOtherUsersCredentials,
  mfaCheckFailsOpen,
  mismatchedActionForPrincipal,
  missingAction,
  missingActionForRolesAnywhereTrustPolicy,
  missingArnAccount,
  missingArnField,
  missingArnRegion,
  missingBraceInVariable,
  missingConditionKeyForOidcPrincipal,
  missingEffect,
  missingGithubRepoConditionKey,
  missingMfa,
  missingPrincipal,
  missingQualifier,
  missingResource,
  missingStatement,
  missingTagKeyInCondition,
  missingVersion,
  neverAllowedAccess,
  notAPolicy,
  nullWithIfExists,
  nullWithQualifier,
  oldVersion,
  passRoleWithNotActionAndNotResource,
  passRoleWithNotResource,
  passRoleWithStarInActionAndNotResource,
  passRoleWithStarInActionAndResource,
  passRoleWithStarInResource,
  passRoleWithStarInResourceAndNotAction,
  policySizeExceedsIdentityPolicyQuota,
  policySizeExceedsRcpQuota,
  policySizeExceedsScpQuota,
  policySizeExceedsTrustPolicyQuota,
  privateIpAddress,
  privilegeEscalation,
  privilegeEscalationPotential,
  publicPrincipal,
  publicTrustPolicy,
  rcpSyntaxErrorAction,
  rcpSyntaxErrorAllow,
  rcpSyntaxErrorNotaction,
  rcpSyntaxErrorPrincipal,
  redundantAction,
  redundantPrincipalInRoleTrustPolicy,
  redundantResource,
  resourceExposure,
  resourceMismatch,
  resourcePolicyEscalation,
  restrictAccessToServicePrincipal,
  roleTrustPolicySyntaxErrorResource,
  roleTrustPolicyUnsupportedWildcardInPrincipal,
  specificGithubRepoAndBranchRecommended,
  typeMismatch,
  typeMismatchBoolean,
  typeMismatchDate,
  typeMismatchIpRange,
  typeMismatchNumber,
  unfilledPlaceholder,
  uniqueSidsRecommended,
  uniqueSidsRequired,
  unsupportedActionForConditionKey,
  unsupportedElementCombination,
  unsupportedPrincipal,
  unsupportedSid,
  unsupportedSpaceInVariable,
  unsupportedWildcardInPrincipal,
  variableUnsupportedInElement,
  variableUnsupportedInVersion,
  wildcardAction,
  wildcardInServiceName,
  wildcardResource,
  wildcardWithoutLikeOperator,
];
