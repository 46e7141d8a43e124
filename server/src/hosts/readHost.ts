/**
 * Which host a document is, by its language (editor) or file name (CLI) and then by content, and reading it.
 * A bare `.yaml` is nothing until its content says CloudFormation or Serverless; a `.json` is a loose policy unless it
 * is a CloudFormation template; TypeScript and Python count only when they import the CDK's IAM module.
 */
import { mayBeHost, type HostSyntax } from '../../../shared/hostFiles';
import { readCloudFormation, readResourcesSection } from './cloudformation';
import { loadCdk, readCdk } from './cdk';
import { interpretVariables, readServerless } from './serverless';
import { loadTerraform, readTerraform } from './terraform';
import type { HostDocument, HostKind, HostValue } from './types';
import { readTemplateByPieces } from './templatePieces';
import { readTerraformByPieces } from './terraformPieces';
import { duplicateKeys } from '../service/codeActions';
import { renderPolicy } from './virtualPolicy';
import { readYaml } from './yaml';
import { yamlWriter } from './yamlWriter';

export { hostSyntax, mayBeHost, mayHoldPolicies, type HostSyntax } from '../../../shared/hostFiles';

/** The grammars a syntax needs loaded before `readHost` (tree-sitter loads asynchronously). */
export async function prepareHost(syntax: HostSyntax): Promise<void> {
  if (syntax === 'terraform') await loadTerraform();
  else if (syntax === 'typescript' || syntax === 'tsx' || syntax === 'javascript' || syntax === 'python') await loadCdk(syntax);
}

export interface ReadOptions {
  /**
   * Read a host by pieces, keeping the readings of pieces whose text did not change (templates by resource,
   * templatePieces.ts; Terraform by top-level block, terraformPieces.ts): the default. The tests read whole too, to
   * compare.
   */
  readonly byPieces?: boolean;
}

/** Reads a host; undefined when the document is not one (or not of a kind we read). `prepareHost` must have run. */
export function readHost(syntax: HostSyntax, text: string, options: ReadOptions = {}): HostDocument | undefined {
  if (!mayBeHost(syntax, text)) return undefined;
  const byPieces = options.byPieces ?? true;
  switch (syntax) {
    case 'json':
      return (byPieces ? readTemplateByPieces(text, 'json')?.document : undefined) ?? readCloudFormation(text, 'json');
    case 'yaml': {
      const template = byPieces ? readTemplateByPieces(text) : undefined;
      if (template?.document) return template.document;
      return readYamlHost(text);
    }
    case 'terraform':
      return (byPieces ? readTerraformByPieces(text) : undefined) ?? readTerraform(text);
    default:
      return readCdk(text, syntax);
  }
}

/** A YAML stream is parsed once and then offered to the CloudFormation reader, then to the Serverless one. */
function readYamlHost(text: string): HostDocument | undefined {
  const read = readYaml(text);
  const template = readCloudFormation(text, 'yaml', read);
  if (template) return template;
  const service = readServerless(text, read);
  if (!service) return undefined;
  const resources = read.documents.map((document) => resourcesOf(document.root)).find((found) => found !== undefined);
  if (!resources) return service;
  // The framework resolves its variables in `resources` too, before CloudFormation reads them.
  const interpreted = interpretVariables(resources);
  if (interpreted.kind !== 'mapping') return service;
  return { ...service, policies: [...service.policies, ...readResourcesSection(text, interpreted, yamlWriter(text))] };
}

/** serverless.yml's `resources:` mapping, when it has CloudFormation `Resources`. */
function resourcesOf(root: HostValue | undefined) {
  if (root?.kind !== 'mapping') return undefined;
  const resources = root.entries.find((entry) => entry.key === 'resources')?.value;
  if (resources?.kind !== 'mapping' || !resources.entries.some((entry) => entry.key === 'Resources')) return undefined;
  return resources;
}

export type { HostKind };

/**
 * What fix-all must not make worse in a host text (see compatibleFixes): its syntax errors (a YAML key written twice
 * is one) and the keys its policies give twice (a rename onto a key another fix inserts). A text that is no longer a
 * host counts as broken beyond any other.
 */
export function hostBreakage(syntax: HostSyntax, text: string): number {
  const host = readHost(syntax, text);
  if (!host) return Number.MAX_SAFE_INTEGER;
  let count = host.syntaxErrors.length;
  for (const policy of host.policies) count += duplicateKeys(renderPolicy(policy.root).text);
  return count;
}
