/**
 * One file's text -> its findings, whatever holds the policies: a loose policy document, or infrastructure code
 * (a CloudFormation template, Terraform, serverless.yml, CDK code) read by its host. Offsets are into the file's text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PolicyType, Settings } from '../../../shared/settings';
import { createHostService, type HostService } from '../hosts/hostService';
import { readFileText } from '../hosts/fileText';
import type { HostModel } from '../hosts/hostModel';
import { hostSyntax, prepareHost, type HostSyntax } from '../hosts/readHost';
import type { PolicyTypeChoice } from '../policy/policyType';
import type { Problem } from '../rules/types';
import type { PolicyService } from '../service';

export interface TextLint {
  readonly problems: readonly Problem[];
  readonly policyType: PolicyTypeChoice;
  /** Over the size cap, so not analysed. */
  readonly tooLarge: boolean;
  /** For infrastructure code: the host's kind and where each policy is, with its type. */
  readonly host?: { readonly kind: string; readonly policies: readonly { readonly label: string; readonly policyType: PolicyType }[] };
  /**
   * How broken the text is: JSON syntax errors of a policy, or a host's syntax errors plus one for each policy it no
   * longer finds. Fixes must never make it larger.
   */
  readonly breakage: number;
}

const hostServices = new WeakMap<PolicyService, HostService>();

function hostServiceOf(service: PolicyService): HostService {
  let hostService = hostServices.get(service);
  if (!hostService) hostServices.set(service, (hostService = createHostService(service)));
  return hostService;
}

/** The host syntax of a file by its name; JSON counts only when it holds no loose policy (see lintText). */
export function fileSyntax(path: string): HostSyntax | undefined {
  return hostSyntax({ path });
}

/** Loads what reading these files as hosts needs (tree-sitter grammars), before the synchronous lint. */
export async function prepareFiles(paths: Iterable<string>): Promise<void> {
  const syntaxes = new Set<HostSyntax>();
  for (const path of paths) {
    const syntax = fileSyntax(path);
    if (syntax) syntaxes.add(syntax);
  }
  await Promise.all([...syntaxes].map(prepareHost));
}

function lintHost(service: PolicyService, model: HostModel, settings: Settings): TextLint {
  const problems = hostServiceOf(service).analyze(model, settings);
  const first = model.policies[0]?.policy.policyType ?? 'identity';
  return {
    problems,
    policyType: { type: first, source: 'host' },
    tooLarge: false,
    host: { kind: model.host.kind, policies: model.policies.map(({ policy }) => ({ label: policy.label, policyType: policy.policyType })) },
    breakage: model.host.syntaxErrors.length,
  };
}

/**
 * Lints one file's text. `path` decides how it is read: `.yaml`, `.tf`, `.ts`, `.py` as hosts; `.json` as a policy
 * unless it holds none and is a CloudFormation template; anything else as a policy (the CLI's contract for named
 * files). A host file that turns out to hold no host gives `host` with no policies and no findings.
 */
export function lintText(
  service: PolicyService,
  job: { readonly uri: string; readonly path: string; readonly text: string; readonly settings: Settings },
  policyType: PolicyType | undefined,
): TextLint {
  const document = TextDocument.create(job.uri, 'iam-policy', 1, job.text);
  const read = readFileText(document, fileSyntax(job.path), job.settings.maxFileSize);
  if (read.kind === 'too large') return { problems: [], policyType: { type: 'identity', source: 'host' }, tooLarge: true, breakage: 0 };
  if (read.kind === 'no host') return { problems: [], policyType: { type: 'identity', source: 'host' }, tooLarge: false, host: { kind: 'none', policies: [] }, breakage: 0 };
  if (read.kind === 'host') return lintHost(service, read.model, job.settings);
  const model = read.model;
  const analysis = service.analyze(model, { settings: job.settings, policyType });
  return { problems: analysis.problems, policyType: analysis.policyType, tooLarge: model.tooLarge, breakage: model.syntaxErrors.length };
}
