/**
 * The exposure lists are derived from the catalogue (an access level and name patterns) and every candidate is decided
 * by hand. A data update that brings a new candidate (a new Get*Token, a new Put*Policy) fails here until someone
 * lists or excludes it: `npm run exposure-candidates` prints what is open.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import credentialsData from '../../data/credentials-exposure-actions.json';
import resourceData from '../../data/resource-exposure-actions.json';
import { derivedCandidates, reviewState, type ExposureListData } from '../../scripts/exposureReview';
import { getCatalog } from '../../server/src/catalog';
import { credentialsExposureActions, resourceExposureActions, type ActionList } from '../../server/src/rules/shared/sensitiveActions';

const catalog = getCatalog();
const levels = new Set(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);

function checkReview(name: string, data: ExposureListData): void {
  suite(name, () => {
    test('every candidate is listed or excluded, and every exclusion is a candidate', () => {
      const state = reviewState(catalog, data);
      assert.deepEqual(state.undecided.map((a) => a.fullName), [], 'undecided candidates: list them (reason, source) or exclude them (why)');
      assert.deepEqual(state.staleExclusions, [], 'excluded actions the derivation no longer yields');
      assert.deepEqual(state.contradictions, [], 'actions both listed and excluded');
    });

    test('excluded actions exist, spelled as the catalogue does, once, each group with a reason', () => {
      const seen = new Set<string>();
      for (const entry of data.excluded) {
        assert.ok(entry.why.trim().length > 10, `${entry.actions[0]}: say why`);
        for (const name of entry.actions) {
          assert.equal(catalog.findAction(name)?.fullName, name, `${name}: not in the catalogue, or spelled differently`);
          assert.ok(!seen.has(name), `${name} excluded twice`);
          seen.add(name);
        }
      }
    });

    test('the derivation: known access levels, patterns that each find something, a reason for each rule', () => {
      for (const rule of data.derivation.candidates) {
        assert.ok(rule.why.trim().length > 10);
        for (const level of rule.accessLevels) assert.ok(levels.has(level), level);
        for (const pattern of rule.patterns) {
          const one = { candidates: [{ ...rule, patterns: [pattern] }], setAside: [] };
          assert.ok(derivedCandidates(catalog, one).length > 0, `${pattern} matches no action at ${rule.accessLevels.join(', ')}`);
        }
      }
      for (const family of data.derivation.setAside) assert.ok(family.why.trim().length > 10);
    });
  });
}

function assertReported(list: ActionList, names: readonly string[]): void {
  const missing = names.filter((name) => {
    const action = catalog.findAction(name);
    return !action || !catalog.actionFacts.listed(list.name, action.id);
  });
  assert.deepEqual(missing, []);
}

suite('exposure lists: derivation and review', () => {
  checkReview('credentials-exposure-actions', credentialsData);
  checkReview('resource-exposure-actions', resourceData);

  // The actions issue #15 found missing; each must stay reported.
  test('credentials-exposure reports the actions the review found missing', () => {
    assertReported(credentialsExposureActions, [
      'airflow:CreateCliToken',
      'airflow:CreateWebLoginToken',
      'appsync:CreateApiKey',
      'chime:CreateApiKey',
      'cloud9:CreateEnvironmentToken',
      'codepipeline:PollForJobs',
      'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
      'connect:GetFederationToken',
      'emr-containers:GetManagedEndpointSessionCredentials',
      'finspace-api:GetProgrammaticAccessCredentials',
      'grafana:CreateWorkspaceApiKey',
      'license-manager:GetAccessToken',
      'lightsail:CreateBucketAccessKey',
      'mediapackage:RotateChannelCredentials',
      'mediapackage:RotateIngestEndpointCredentials',
      'rds-db:connect',
      'gamelift:GetComputeAccess',
      'gamelift:GetComputeAuthToken',
    ]);
  });

  test('resource-exposure reports the actions the review found missing', () => {
    assertReported(resourceExposureActions, ['ec2:ModifyVpcEndpointServicePermissions', 'ec2:CreateNetworkInterfacePermission', 'ds:ShareDirectory']);
  });
});
