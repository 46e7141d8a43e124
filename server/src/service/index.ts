/**
 * The pure service: document, parsed model and settings in, LSP data out. No connection, no I/O, no `vscode`.
 * The language server, the CLI and the tests all drive this one object.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FormattingOptions,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { PolicyType, Settings } from '../../../shared/settings';
import { getCatalog } from '../catalog';
import type { Catalog } from '../catalog/types';
import type { PolicyModel } from '../policy/model';
import { parsePolicy } from '../policy/parse';
import { choosePolicyType, type PolicyTypeChoice } from '../policy/policyType';
import { rules as registry } from '../rules';
import { finish, ruleSteps } from '../rules/run';
import type { StatementFindings } from '../rules/statementFindings';
import type { Problem, Rule } from '../rules/types';
import { codeActionsFor, wantedKind } from './codeActions';
import { refactorings } from './refactorings';
import { complete } from './complete';
import { toDiagnostic, tooLargeDiagnostic } from './diagnostics';
import { foldProblems } from './folding';
import { hover } from './hover';
import { jsonLanguage } from './jsonLanguage';
import { finishCodeActions, type SnippetEditSupport } from './snippetEdits';
import { documentSymbols } from './symbols';
import { DocumentMemo } from '../policy/documentMemo';

export interface PolicyServiceOptions {
  readonly catalog?: Catalog;
  readonly rules?: readonly Rule[];
  /** Where a failing rule is reported (once per rule per service). */
  readonly log?: (message: string) => void;
  /**
   * Whether to keep, per document, what the statement-scoped rules found in each statement, so that the analysis of
   * the document's next version re-checks only what an edit changed (default true). The CLI analyses each file once
   * and turns it off.
   */
  readonly rememberStatementFindings?: boolean;
}

/** Per-document inputs that are not in the text: its settings and an explicit policy type, if any. */
export interface DocumentOptions {
  readonly settings: Settings;
  readonly policyType?: PolicyType;
}

export interface Analysis {
  readonly policyType: PolicyTypeChoice;
  readonly problems: readonly Problem[];
}

export interface PolicyService {
  readonly catalog: Catalog;
  parse(document: TextDocument, settings: Pick<Settings, 'maxFileSize'>): PolicyModel;
  policyType(model: PolicyModel, options: DocumentOptions): PolicyTypeChoice;
  /** The rules' findings; remembered for the model and options, so code actions after a validation cost nothing. */
  analyze(model: PolicyModel, options: DocumentOptions): Analysis;
  validate(model: PolicyModel, options: DocumentOptions): Diagnostic[];
  /**
   * `analyze` one rule per step: the caller decides when to run the next step (the language server yields to other
   * requests between steps) and may abandon the rest by not asking again. Finished, it is remembered like `analyze`.
   */
  analysisSteps(model: PolicyModel, options: DocumentOptions): Generator<void, Analysis, undefined>;
  /** `validate` in steps, as `analysisSteps`. */
  validationSteps(model: PolicyModel, options: DocumentOptions): Generator<void, Diagnostic[], undefined>;
  complete(model: PolicyModel, position: Position): Promise<CompletionList | null>;
  hover(model: PolicyModel, position: Position, options: DocumentOptions): Promise<Hover | null>;
  /**
   * Quick fixes for the request's diagnostics, fix-all when asked for, and refactorings for the selected range
   * (whatever the diagnostics say). Those that insert placeholders come with snippet edits where the client takes them.
   */
  codeActions(
    model: PolicyModel,
    diagnostics: readonly Diagnostic[],
    only: readonly string[] | undefined,
    options: DocumentOptions,
    range?: Range,
    snippets?: SnippetEditSupport,
  ): CodeAction[];
  documentSymbols(model: PolicyModel): DocumentSymbol[];
  /** Drops what the service keeps about the document at `uri` between its versions (the document was closed). */
  forget(uri: string): void;
  format(model: PolicyModel, range: Range | undefined, options: FormattingOptions): TextEdit[];
}

export function createPolicyService(options: PolicyServiceOptions = {}): PolicyService {
  const catalog = options.catalog ?? getCatalog();
  const rules = options.rules ?? registry;
  const failedRules = new Set<string>();

  function onRuleError(rule: Rule, error: unknown): void {
    if (failedRules.has(rule.id)) return;
    failedRules.add(rule.id);
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    options.log?.(`Rule ${rule.id} failed and was skipped: ${detail}`);
  }

  function policyType(model: PolicyModel, { settings, policyType: explicit }: DocumentOptions): PolicyTypeChoice {
    return choosePolicyType(model.document.uri, model, settings, explicit);
  }

  // The last analysis of each model (a model is one document version), with the options it was made for.
  const analyses = new DocumentMemo<PolicyModel, { readonly options: DocumentOptions; readonly analysis: Analysis }>('analysis');

  // Per document URI, what the statement-scoped rules found in each statement last time, so the analysis of the
  // next version re-checks only what an edit can have changed. The few documents last analysed are kept.
  const remembering = options.rememberStatementFindings ?? true;
  const statementFindings = new Map<string, StatementFindings>();
  const keptFindings = 16;
  function rememberFindings(uri: string, findings: StatementFindings): void {
    statementFindings.delete(uri);
    statementFindings.set(uri, findings);
    if (statementFindings.size > keptFindings) statementFindings.delete(statementFindings.keys().next().value!);
  }

  // `stepwise` false: in one step (analyze, validate), as RunOptions.stepwise says.
  function* analysisSteps(model: PolicyModel, documentOptions: DocumentOptions, stepwise = true): Generator<void, Analysis, undefined> {
    const remembered = analyses.get(model);
    if (remembered && remembered.options.settings === documentOptions.settings && remembered.options.policyType === documentOptions.policyType) {
      return remembered.analysis;
    }
    const choice = policyType(model, documentOptions);
    const problems =
      model.tooLarge || !documentOptions.settings.validate.enable
        ? []
        : yield* ruleSteps(model, rules, {
            catalog,
            policyType: choice.type,
            settings: documentOptions.settings,
            onRuleError,
            since: remembering ? statementFindings.get(model.document.uri) : undefined,
            remember: remembering ? (findings) => rememberFindings(model.document.uri, findings) : undefined,
            stepwise,
          });
    const analysis: Analysis = { policyType: choice, problems };
    analyses.set(model, { options: documentOptions, analysis });
    return analysis;
  }

  function* validationSteps(model: PolicyModel, documentOptions: DocumentOptions, stepwise = true): Generator<void, Diagnostic[], undefined> {
    if (model.tooLarge) return [tooLargeDiagnostic(model.document, documentOptions.settings.maxFileSize)];
    const { problems } = yield* analysisSteps(model, documentOptions, stepwise);
    return foldProblems(problems).map(({ problem, folded }) => toDiagnostic(model.document, problem, folded));
  }

  const analyze = (model: PolicyModel, documentOptions: DocumentOptions) => finish(analysisSteps(model, documentOptions, false));

  return {
    catalog,
    parse: (document, settings) => parsePolicy(document, { maxFileSize: settings.maxFileSize }),
    policyType,
    analyze,
    validate: (model, documentOptions) => finish(validationSteps(model, documentOptions, false)),
    analysisSteps: (model, documentOptions) => analysisSteps(model, documentOptions),
    validationSteps: (model, documentOptions) => validationSteps(model, documentOptions),
    complete: (model, position) => complete(model, position, catalog),
    hover: (model, position, documentOptions) => hover(model, position, catalog, policyType(model, documentOptions)),
    codeActions(model, diagnostics, only, documentOptions, range, snippets) {
      if (model.tooLarge) return [];
      const fixes = codeActionsFor(model.document, analyze(model, documentOptions).problems, diagnostics, only);
      const rewrites = range ? refactorings(model, catalog, range).filter((action) => wantedKind(only, action.kind)) : [];
      return finishCodeActions([...fixes, ...rewrites], model.document, snippets);
    },
    documentSymbols: (model) => (model.tooLarge ? [] : documentSymbols(model)),
    forget: (uri) => void statementFindings.delete(uri),
    format(model, range, formatting) {
      if (model.tooLarge || model.syntaxErrors.length > 0) return [];
      // jsonc-parser 3.3.1 leaves newText out of a line-break edit at exactly 200 columns of indentation; such an
      // edit only touches whitespace, so dropping it is safe.
      return jsonLanguage()
        .format(model.document, range, formatting)
        .filter((edit) => typeof edit.newText === 'string');
    },
  };
}
