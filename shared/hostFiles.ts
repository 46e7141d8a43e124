/**
 * Which files may hold IAM policies inside infrastructure code, by language id or file name and a cheap look at the
 * content. Shared: the client decides with it whether a document is worth starting the server for (unrelated YAML
 * or TypeScript never starts it), the server and the CLI before they parse anything.
 */

/** What the server or CLI knows of a document before reading it. */
export interface HostCandidate {
  readonly text: string;
  /** The editor's language id, when there is one. */
  readonly languageId?: string;
  /** The file's path or URI (its extension counts when there is no language id, or for `.tf` in plain text). */
  readonly path: string;
}

export type HostSyntax = 'yaml' | 'json' | 'terraform' | 'typescript' | 'tsx' | 'javascript' | 'python';

const byLanguage: Readonly<Record<string, HostSyntax>> = {
  yaml: 'yaml',
  json: 'json',
  jsonc: 'json',
  terraform: 'terraform',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  javascript: 'javascript',
  javascriptreact: 'tsx',
  python: 'python',
};

const byExtension: readonly [RegExp, HostSyntax][] = [
  [/\.ya?ml$/i, 'yaml'],
  [/\.template$/i, 'yaml'],
  [/\.json$/i, 'json'],
  [/\.tf$/i, 'terraform'],
  [/\.tsx$/i, 'tsx'],
  [/\.[cm]?ts$/i, 'typescript'],
  [/\.[cm]?jsx?$/i, 'javascript'],
  [/\.py$/i, 'python'],
];

/** The syntax a document would be read in as a host, or undefined for documents no host can be. */
export function hostSyntax(candidate: Omit<HostCandidate, 'text'>): HostSyntax | undefined {
  const fromLanguage = candidate.languageId === undefined ? undefined : byLanguage[candidate.languageId];
  // A .tf opened without HashiCorp's extension is plain text.
  if (fromLanguage) return fromLanguage;
  if (candidate.languageId !== undefined && candidate.languageId !== 'plaintext') return undefined;
  return byExtension.find(([pattern]) => pattern.test(candidate.path))?.[1];
}

/**
 * A cheap look at the text before any parse: is this worth reading as a host at all? Unrelated YAML (workflows,
 * Kubernetes, compose files) and code without the CDK stop here.
 */
export function mayBeHost(syntax: HostSyntax, text: string): boolean {
  switch (syntax) {
    case 'yaml':
    case 'json':
      // `iam:` as a key (Serverless's provider.iam), not inside an ARN (`arn:aws:iam::` in a workflow's role-to-assume).
      return /AWSTemplateFormatVersion|AWS::|iamRoleStatements|^\s*iam\s*:/m.test(text);
    case 'terraform':
      return true;
    default:
      return /aws-cdk-lib|@aws-cdk\/aws-iam|aws_cdk/.test(text);
  }
}

/**
 * Whether a file found in a folder may hold policies, by a look at its content (the CLI searches folders by
 * content, not by extension alone): a template in JSON, a template or serverless.yml in YAML,
 * IAM resources in Terraform, the CDK's IAM module in code.
 */
export function mayHoldPolicies(syntax: HostSyntax, text: string): boolean {
  switch (syntax) {
    case 'json':
      // Templates only: loose policies are found by their file name or by the editor's policy test (cli/files.ts).
      return /AWSTemplateFormatVersion|"AWS::[A-Za-z0-9]+::/.test(text);
    case 'terraform':
      return /aws_iam_policy_document|\b(policy|assume_role_policy|policy_document|access_policies|content)\s*=/.test(text);
    default:
      return mayBeHost(syntax, text);
  }
}

