/** The registry: every rule, sorted by id. Adding a rule means adding one line here (see CONTRIBUTING.md). */
import dataTypeMismatch from './data-type-mismatch';
import emptyArrayAction from './empty-array-action';
import emptyArrayResource from './empty-array-resource';
import emptyObjectCondition from './empty-object-condition';
import invalidEffect from './invalid-effect';
import invalidPolicyElement from './invalid-policy-element';
import invalidVersion from './invalid-version';
import jsonSyntaxError from './json-syntax-error';
import missingAction from './missing-action';
import missingEffect from './missing-effect';
import missingPrincipal from './missing-principal';
import missingResource from './missing-resource';
import missingStatement from './missing-statement';
import missingVersion from './missing-version';
import notAPolicy from './not-a-policy';
import oldVersion from './old-version';
import uniqueSidsRecommended from './unique-sids-recommended';
import uniqueSidsRequired from './unique-sids-required';
import unsupportedElementCombination from './unsupported-element-combination';
import unsupportedPrincipal from './unsupported-principal';
import unsupportedSid from './unsupported-sid';
import type { Rule } from './types';

export const rules: readonly Rule[] = [
  dataTypeMismatch,
  emptyArrayAction,
  emptyArrayResource,
  emptyObjectCondition,
  invalidEffect,
  invalidPolicyElement,
  invalidVersion,
  jsonSyntaxError,
  missingAction,
  missingEffect,
  missingPrincipal,
  missingResource,
  missingStatement,
  missingVersion,
  notAPolicy,
  oldVersion,
  uniqueSidsRecommended,
  uniqueSidsRequired,
  unsupportedElementCombination,
  unsupportedPrincipal,
  unsupportedSid,
];
