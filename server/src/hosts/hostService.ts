/**
 * The service for host documents (templates, Terraform, serverless.yml, CDK): each embedded policy is analysed by the
 * policy service as the JSON policy it stands for, and what comes back is mapped to the host: problems to host
 * offsets (those about values the host computes are dropped), fixes to edits in the host's syntax, completion and
 * hover to positions in the host. Pure: no connection, no I/O.
 */
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Settings } from '../../../shared/settings';
import type { PolicyTypeChoice } from '../policy/policyType';
import { finish } from '../rules/run';
import type { Edit, Fix, Problem } from '../rules/types';
import { defineWhenRead } from '../rules/shared/whenRead';
import { codeActionsFor, wantedKind } from '../service/codeActions';
import { complete } from '../service/complete';
import { toDiagnostic, tooLargeDiagnostic } from '../service/diagnostics';
import { foldProblems } from '../service/folding';
import { hover } from '../service/hover';
import type { PolicyService } from '../service';
import { refactorings } from '../service/refactorings';
import { toRange, toSpan } from '../service/ranges';
import { finishCodeActions, type SnippetEditSupport } from '../service/snippetEdits';
import { toHostEdits } from './hostEdits';
import { hostBreakage, hostSyntax } from './readHost';
import type { HostSyntaxError } from './types';
import { policyAround, policyAt, type EmbeddedModel, type HostModel } from './hostModel';
import { toHostSpan, type OpaqueRegion } from './virtualPolicy';
import { DocumentMemo } from '../policy/documentMemo';

/**
 * Rules that judge a CDK statement (a fragment of a policy): those whose answer depends only on the values written in
 * it. The others need the whole document (Version, Sids, size) or what the construct adds around it.
 */
export const fragmentRules: ReadonlySet<string> = new Set([
  'invalid-action',
  'invalid-service-in-action',
  'wildcard-action',
  'wildcard-in-service-name',
  'allow-with-not-action',
  'allow-with-not-resource',
  'wildcard-resource',
  'full-admin-access',
  'redundant-action',
  'redundant-resource',
  'invalid-arn-prefix',
  'invalid-arn-service-case',
  'invalid-arn-resource',
  'invalid-arn-account',
  'invalid-region',
  'arn-region-not-allowed',
  'arn-account-not-allowed',
  'arn-too-long',
  'missing-arn-field',
  'missing-arn-region',
  'unfilled-placeholder',
]);

/** Rules about the sessions of people (MFA): their findings do not stand on a role only services assume. */
const peopleSessionRules: ReadonlySet<string> = new Set(['missing-mfa']);

const within = (region: { offset: number; length: number }, problem: Problem, end = region.offset + region.length) =>
  region.offset <= problem.offset && problem.offset + problem.length <= end;

/**
 * Rules that judge a whole string from its start (the ARN's `arn:` and service, the action's service and name): on a
 * template they may be decided by the literal text before the first hole (`!Sub "arm:${AWS::Partition}:..."`). Such
 * a finding spans the whole string, so it stands only if the renderings with the rest cut off (`"arm:*"`) and with
 * plain names in the holes have it too.
 */
const prefixRules: ReadonlySet<string> = new Set(['invalid-arn-prefix', 'invalid-arn-service-case', 'invalid-service-in-action', 'invalid-action']);

/**
 * Whether a finding on the rendered policy stands in the host: 'yes', 'prefix' (on a whole template string, for the
 * caller to confirm with the prefix rendering), or 'no'. Findings inside a value the host computes, or on a value the
 * host supplies (Terraform's default Version), are not the user's to fix; inside a template only those on the
 * literal text before the first hole are sure (after a hole even the ARN's field count is unknown).
 */
function standing(problem: Problem, regions: readonly OpaqueRegion[], fragment: boolean): 'yes' | 'prefix' | 'no' {
  if (fragment && !fragmentRules.has(problem.ruleId)) return 'no';
  let result: 'yes' | 'prefix' = 'yes';
  for (const region of regions) {
    if (!within(region, problem)) continue;
    if (region.kind !== 'template') return 'no';
    if (within(region, problem, region.literalEnd)) continue;
    const whole = problem.offset === region.offset && problem.length === region.length;
    if (!whole || !prefixRules.has(problem.ruleId) || region.literalEnd === region.offset + 1) return 'no';
    result = 'prefix';
  }
  return result;
}

/** Lazily translated: a fix's host edits are worked out when someone reads it (a code action request, --fix). */
function hostProblem(embedded: EmbeddedModel, problem: Problem, fixable = true): Problem {
  const span = toHostSpan(embedded.virtual, problem);
  const translate = (fix: Fix): Fix | undefined => {
    const edits = toHostEdits(embedded.policy, embedded.virtual.text, fix.edits);
    return edits && edits.length > 0 ? { title: fix.title, edits, ...(fix.placeholders ? { placeholders: true } : {}) } : undefined;
  };
  // Field by field: a spread would read the problem's suggestions, which are built only when someone asks.
  const { ruleId, messageId, message, severity, tags } = problem;
  const result: Problem = { ruleId, messageId, message, offset: span.offset, length: span.length, severity, fix: undefined, suggestions: [], tags };
  // A fix for a whole template string would write a literal over its holes: none is offered.
  defineWhenRead(result, 'fix', () => (fixable && problem.fix ? translate(problem.fix) : undefined));
  defineWhenRead(result, 'suggestions', () => (fixable ? problem.suggestions : []).map(translate).filter((fix): fix is Fix => fix !== undefined));
  return result;
}

export const hostSyntaxErrorId = 'host-syntax-error';

const hostLanguages: Readonly<Record<HostModel['host']['kind'], string>> = {
  cloudformation: 'template',
  serverless: 'serverless.yml',
  terraform: 'Terraform',
  cdk: 'CDK code',
};

/**
 * The host's first syntax error (the later ones mostly follow from it), like json-syntax-error for a policy file: a
 * broken host may hide policies from the checks, so the user hears of it even without a YAML or HCL extension.
 * Not a rule of the registry: it judges the host, not a policy.
 */
function hostSyntaxProblem(kind: HostModel['host']['kind'], error: HostSyntaxError): Problem {
  const message = `The ${hostLanguages[kind]} has a syntax error, so policies after it may go unchecked: ${error.message}`;
  return { ruleId: hostSyntaxErrorId, messageId: 'syntax', message, offset: error.offset, length: error.length, severity: 'error', suggestions: [], tags: [] };
}

export function hostPolicyType(embedded: EmbeddedModel): PolicyTypeChoice {
  return { type: embedded.policy.policyType, source: 'host' };
}

export interface HostService {
  /** Every policy's findings, in host offsets, sorted; one rule per step as PolicyService.analysisSteps. */
  analysisSteps(model: HostModel, settings: Settings): Generator<void, Problem[], undefined>;
  analyze(model: HostModel, settings: Settings): Problem[];
  validationSteps(model: HostModel, settings: Settings): Generator<void, Diagnostic[], undefined>;
  complete(model: HostModel, position: Position): Promise<CompletionList | null>;
  hover(model: HostModel, position: Position): Promise<Hover | null>;
  codeActions(
    model: HostModel,
    diagnostics: readonly Diagnostic[],
    only: readonly string[] | undefined,
    settings: Settings,
    range?: Range,
    snippets?: SnippetEditSupport,
  ): CodeAction[];
  /** The type of the policy at a position (the status bar), or of the file's only policy. */
  policyType(model: HostModel, position?: Position): (PolicyTypeChoice & { label: string }) | null;
}

export function createHostService(service: PolicyService): HostService {
  const analyses = new DocumentMemo<HostModel, { readonly settings: Settings; readonly problems: Problem[] }>('host analysis');

  function* analysisSteps(model: HostModel, settings: Settings): Generator<void, Problem[], undefined> {
    const remembered = analyses.get(model);
    if (remembered && remembered.settings === settings) return remembered.problems;
    const problems: Problem[] = [];
    const broken = model.host.syntaxErrors.length > 0 || model.host.recovered === true;
    for (const embedded of model.policies) {
      const options = { settings, policyType: embedded.policy.policyType };
      const fragment = embedded.policy.fragment === true;
      const { problems: found } = yield* service.analysisSteps(embedded.model, options);
      const key = (ruleId: string, span: { offset: number; length: number }) => `${ruleId}@${span.offset}+${span.length}`;
      /** The host keys of a rendering's findings that stand there. */
      const standingKeys = (virtual: EmbeddedModel['virtual'], problems: readonly Problem[]) =>
        new Set(problems.filter((p) => standing(p, virtual.regions, fragment) !== 'no').map((p) => key(p.ruleId, toHostSpan(virtual, p))));
      const serviceRole = embedded.policy.serviceRole === true;
      let kept = found
        .filter((problem) => !(serviceRole && peopleSessionRules.has(problem.ruleId)))
        .map((problem) => ({ problem, how: standing(problem, embedded.virtual.regions, fragment) }))
        .filter(({ how }) => how !== 'no');
      if (embedded.narrow) {
        // A finding stands only if it comes the same whatever fills the template's holes: `*` or a plain name.
        const { virtual, model: narrowModel } = embedded.narrow;
        const { problems: narrowFound } = yield* service.analysisSteps(narrowModel, options);
        const alsoNarrow = standingKeys(virtual, narrowFound);
        kept = kept.filter(({ problem }) => alsoNarrow.has(key(problem.ruleId, toHostSpan(embedded.virtual, problem))));
      }
      if (embedded.prefix && kept.some(({ how }) => how === 'prefix')) {
        const { virtual, model: prefixModel } = embedded.prefix;
        const { problems: prefixFound } = yield* service.analysisSteps(prefixModel, options);
        const alsoPrefix = new Set(prefixFound.map((p) => key(p.ruleId, toHostSpan(virtual, p))));
        kept = kept.filter(({ problem, how }) => how === 'yes' || alsoPrefix.has(key(problem.ruleId, toHostSpan(embedded.virtual, problem))));
      }
      // A host with syntax errors gets findings but no fixes (as a broken policy file gets none): the writers would
      // lay out their edits on the parser's recovered tree, and the fixed file may read worse than before.
      for (const { problem, how } of kept) problems.push(hostProblem(embedded, problem, how === 'yes' && !broken));
    }
    const syntaxError = model.host.syntaxErrors[0];
    if (syntaxError) problems.push(hostSyntaxProblem(model.host.kind, syntaxError));
    problems.sort((a, b) => a.offset - b.offset);
    analyses.set(model, { settings, problems });
    return problems;
  }

  const analyze = (model: HostModel, settings: Settings) => finish(analysisSteps(model, settings));

  function* validationSteps(model: HostModel, settings: Settings): Generator<void, Diagnostic[], undefined> {
    if (model.tooLarge) return [tooLargeDiagnostic(model.document, settings.maxFileSize)];
    const problems = yield* analysisSteps(model, settings);
    return foldProblems(problems).map(({ problem, folded }) => {
      const diagnostic = toDiagnostic(model.document, problem, folded);
      // No rule page to link: the host's syntax is not ours to document.
      if (problem.ruleId === hostSyntaxErrorId) delete diagnostic.codeDescription;
      return diagnostic;
    });
  }

  /** A virtual range as host edits' span, when it maps into one string's characters. */
  function mapEditRange(embedded: EmbeddedModel, range: Range): { offset: number; length: number } | undefined {
    const span = toSpan(embedded.model.document, range);
    const host = toHostSpan(embedded.virtual, span);
    return host.length === span.length ? host : undefined;
  }

  /** Completion items that replace characters of one host string; JSON-quoted insertions lose their quotes. */
  function hostItem(embedded: EmbeddedModel, item: CompletionItem, document: HostModel['document']): CompletionItem | undefined {
    const edit = item.textEdit;
    if (!edit) return undefined;
    const range = 'range' in edit ? edit.range : edit.replace;
    let newText = edit.newText;
    let span = mapEditRange(embedded, range);
    if (!span) {
      // An edit over the whole string, quotes included: the same edit inside the host's string, unquoted.
      const virtualSpan = toSpan(embedded.model.document, range);
      const inner = { offset: virtualSpan.offset + 1, length: virtualSpan.length - 2 };
      if (!/^"[^"\\]*"$/.test(newText) || inner.length < 0) return undefined;
      span = toHostSpan(embedded.virtual, inner);
      if (span.length !== inner.length) return undefined;
      newText = newText.slice(1, -1);
    }
    if (/[\n"\\]/.test(newText)) return undefined;
    const hostRange = toRange(document, span);
    const textEdit: TextEdit = { range: hostRange, newText };
    return { ...item, textEdit, insertTextFormat: item.insertTextFormat, filterText: item.filterText };
  }

  return {
    analysisSteps,
    analyze,
    validationSteps,

    async complete(model, position) {
      if (model.tooLarge) return null;
      const found = policyAt(model, model.document.offsetAt(position));
      if (!found) return null;
      const { policy: embedded, virtualOffset } = found;
      const list = await complete(embedded.model, embedded.model.document.positionAt(virtualOffset), service.catalog);
      if (!list) return null;
      const items = list.items.map((item) => hostItem(embedded, item, model.document)).filter((item): item is CompletionItem => item !== undefined);
      return items.length > 0 ? { isIncomplete: list.isIncomplete, items } : null;
    },

    async hover(model, position) {
      if (model.tooLarge) return null;
      const found = policyAt(model, model.document.offsetAt(position));
      if (!found) return null;
      const { policy: embedded, virtualOffset } = found;
      const result = await hover(embedded.model, embedded.model.document.positionAt(virtualOffset), service.catalog, hostPolicyType(embedded));
      if (!result) return null;
      const range = result.range && toRange(model.document, toHostSpan(embedded.virtual, toSpan(embedded.model.document, result.range)));
      return range ? { ...result, range } : { contents: result.contents };
    },

    codeActions(model, diagnostics, only, settings, range, snippets) {
      return finishCodeActions(hostCodeActions(model, diagnostics, only, settings, range), model.document, snippets);
    },

    policyType(model, position) {
      const embedded = position ? policyAround(model, model.document.offsetAt(position)) : model.policies.length === 1 ? model.policies[0] : undefined;
      return embedded ? { ...hostPolicyType(embedded), label: embedded.policy.label } : null;
    },
  };

  function hostCodeActions(model: HostModel, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined, settings: Settings, range?: Range): CodeAction[] {
    if (model.tooLarge) return [];
    const syntax = hostSyntax({ languageId: model.document.languageId, path: model.document.uri });
    const breakage = syntax ? (text: string) => hostBreakage(syntax, text) : undefined;
    const actions = codeActionsFor(model.document, analyze(model, settings), diagnostics, only, breakage);
    // Refactorings too are for hosts that read cleanly (see analysisSteps).
    if (!range || model.host.syntaxErrors.length > 0 || model.host.recovered) return actions;
    const start = policyAt(model, model.document.offsetAt(range.start));
    const end = policyAt(model, model.document.offsetAt(range.end));
    if (!start || !end || start.policy !== end.policy) return actions;
    const embedded = start.policy;
    const virtualDocument = embedded.model.document;
    const virtualRange = { start: virtualDocument.positionAt(start.virtualOffset), end: virtualDocument.positionAt(end.virtualOffset) };
    for (const action of refactorings(embedded.model, service.catalog, virtualRange)) {
      if (!wantedKind(only, action.kind)) continue;
      const virtualEdits: Edit[] = (action.edit?.changes?.[virtualDocument.uri] ?? []).map((edit) => ({ ...toSpan(virtualDocument, edit.range), text: edit.newText }));
      const edits = toHostEdits(embedded.policy, embedded.virtual.text, virtualEdits);
      if (!edits || edits.length === 0) continue;
      actions.push({ ...action, edit: { changes: { [model.document.uri]: edits.map((edit) => ({ range: toRange(model.document, edit), newText: edit.text })) } } });
    }
    return actions;
  }
}
