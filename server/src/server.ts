/**
 * Protocol glue: capabilities, document sync, settings, diagnostics scheduling. Every handler fetches the document
 * and its cached model, calls the service and returns; errors become a log line and an empty answer.
 */
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings, settingsSection, withDefaults, type Settings } from '../../shared/settings';
import type { PolicyModel } from './policy/model';
import { fixAllKind } from './service/codeActions';
import { createPolicyService, type PolicyService } from './service';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  accessVocabularyRequest,
  checkAccessRequest,
  compareWithBaseRequest,
  dataInfoRequest,
  grantsRequest,
  policyTypeRequest,
  type AccessVocabularyParams,
  type AccessVocabularyResult,
  type CheckAccessParams,
  type CheckAccessResult,
  type CompareWithBaseParams,
  type CompareWithBaseResult,
  type DataInfo,
  type GrantsParams,
  type GrantsResult,
  type InitializationOptions,
  type PolicyTypeInfo,
  type PolicyTypeParams,
} from '../../shared/protocol';
import { configFileName, createProjectConfigLookup, matchesExtraFilePattern, settingsForFile } from './config/projectConfig';
import { createLatestDiagnostics } from './latestDiagnostics';
import { rules } from './rules';
import { grantsListing } from './service/grants';
import { accessVocabulary, checkAccess, type AccessFocus } from './service/accessCheck';
import type { PolicySource } from './access/policySources';
import { toHostSpan } from './hosts/virtualPolicy';
import { compareWithBase } from './service/compareWithBase';
import { refactoringKind } from './service/refactorings';
import type { SnippetEditSupport } from './service/snippetEdits';
import { createHostService } from './hosts/hostService';
import { hostModel, policyAround, policyAt, tooLargeHostModel, type HostModel } from './hosts/hostModel';
import { hostSyntax, mayBeHost, prepareHost, readHost } from './hosts/readHost';

/**
 * Language ids we serve; for the JSON ones only documents that look like policies or CloudFormation templates; for
 * the others (YAML, Terraform, TypeScript, Python) only the policies inside the infrastructure code they hold.
 */
const policyLanguage = 'iam-policy';
const jsonLanguages = new Set(['json', 'jsonc']);
const pushDelayMs = 150;

export interface ServerOptions {
  /** Injected for tests; defaults to the bundled catalogue and rules. */
  readonly service?: PolicyService;
}

export function startServer(connection: Connection, serverOptions: ServerOptions = {}): void {
  const log = (message: string) => connection.console.error(message);
  const service = serverOptions.service ?? createPolicyService({ log });
  const documents = new TextDocuments(TextDocument);
  const hostService = createHostService(service);
  const models = new Map<string, { version: number; maxFileSize: number; model: PolicyModel }>();
  const hostModels = new Map<string, { version: number; maxFileSize: number; model: Promise<HostModel | undefined> }>();
  const settingsByUri = new Map<string, Promise<Settings>>();
  let globalSettings: Settings = defaultSettings;
  // The project's .iampolicy.json (shared with the CLI): editor settings override it. Read once per folder.
  const reportedConfigProblems = new Set<string>();
  const projectConfig = createProjectConfigLookup(
    (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') log(`Cannot read ${path}: ${String(error)}`);
        return undefined;
      }
    },
    new Set(rules.map((rule) => rule.id)),
  );

  /** The config file for a document on disk, its problems logged once. */
  function configFor(uri: string) {
    if (!uri.startsWith('file:')) return undefined;
    let path: string;
    try {
      path = fileURLToPath(uri);
    } catch {
      return undefined; // a file URI this platform cannot map to a path (e.g. with a remote host): no project config
    }
    const file = projectConfig.forPath(path);
    if (file && file.problems.length > 0 && !reportedConfigProblems.has(file.path)) {
      reportedConfigProblems.add(file.path);
      for (const problem of file.problems) log(`${file.path}: ${problem.key}: ${problem.message}`);
    }
    return { path, file };
  }

  function withProjectConfig(uri: string, settings: Settings): Settings {
    const config = configFor(uri);
    return config ? settingsForFile(settings, config.file, config.path) : settings;
  }
  const capabilities = { configuration: false, pullDiagnostics: false, diagnosticRefresh: false, snippetEdits: 'none' as SnippetEditSupport };

  async function runSafe<T>(what: string, fallback: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T> {
    try {
      if (token?.isCancellationRequested) return fallback;
      const result = await work();
      return token?.isCancellationRequested ? fallback : result;
    } catch (error) {
      log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const editor = capabilities.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: settingsSection }).then(withDefaults, () => globalSettings)
        : Promise.resolve(globalSettings);
      settings = editor.then((value) => withProjectConfig(uri, value));
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  function modelOf(document: TextDocument, settings: Settings): PolicyModel {
    const cached = models.get(document.uri);
    if (cached && cached.version === document.version && cached.maxFileSize === settings.maxFileSize) return cached.model;
    const model = service.parse(document, settings);
    models.set(document.uri, { version: document.version, maxFileSize: settings.maxFileSize, model });
    return model;
  }

  /** The host model of a document that holds policies in infrastructure code; undefined for any other document. */
  function hostModelOf(document: TextDocument, settings: Settings): Promise<HostModel | undefined> {
    const cached = hostModels.get(document.uri);
    if (cached && cached.version === document.version && cached.maxFileSize === settings.maxFileSize) return cached.model;
    const read = async (): Promise<HostModel | undefined> => {
      const syntax = hostSyntax({ languageId: document.languageId, path: document.uri });
      const text = document.getText();
      if (!syntax || !mayBeHost(syntax, text)) return undefined;
      if (text.length > settings.maxFileSize) return tooLargeHostModel(document, 'cloudformation');
      await prepareHost(syntax);
      const host = readHost(syntax, text);
      // The version before lends the policies that did not change (their parse and analysis).
      const previous = cached && (await cached.model.catch(() => undefined));
      return host && hostModel(document, host, previous?.tooLarge ? undefined : previous);
    };
    const model = read();
    hostModels.set(document.uri, { version: document.version, maxFileSize: settings.maxFileSize, model });
    return model;
  }

  type Served =
    | { readonly kind: 'policy'; readonly model: PolicyModel; readonly settings: Settings }
    | { readonly kind: 'host'; readonly model: HostModel; readonly settings: Settings };

  /**
   * The document and its model when we serve it: our language, JSON that looks like a policy, or a document that
   * holds policies in infrastructure code (a template, Terraform, serverless.yml, CDK code).
   */
  async function served(uri: string): Promise<Served | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const isPolicyLanguage = document.languageId === policyLanguage;
    const settings = await settingsFor(uri);
    if (isPolicyLanguage || jsonLanguages.has(document.languageId)) {
      // A CloudFormation template in JSON is read as a host first: parsing a large template as a policy, on every
      // edit, only to learn that it is not one cost more than reading the template. (hostModelOf looks at the text
      // once per version; a loose policy gets undefined from it.)
      if (!isPolicyLanguage && !isExtraPolicyFile(uri)) {
        const host = await hostModelOf(document, settings);
        if (host) return { kind: 'host', model: host, settings };
      }
      const model = modelOf(document, settings);
      if (isPolicyLanguage || model.looksLikePolicy || isExtraPolicyFile(uri)) return { kind: 'policy', model, settings };
    }
    const host = await hostModelOf(document, settings);
    return host && { kind: 'host', model: host, settings };
  }

  /** A JSON file that the project's config names as a policy (its filePatterns). */
  function isExtraPolicyFile(uri: string): boolean {
    const config = configFor(uri);
    return config !== undefined && matchesExtraFilePattern(config.file, config.path);
  }

  // Validation runs in slices between other requests and stops when its version is stale (see latestDiagnostics).
  const latest = createLatestDiagnostics({
    version: (uri) => documents.get(uri)?.version,
    async steps(uri) {
      const target = await served(uri);
      if (!target) return undefined;
      const steps =
        target.kind === 'host' ? hostService.validationSteps(target.model, target.settings) : service.validationSteps(target.model, { settings: target.settings });
      return { version: target.model.document.version, steps };
    },
    trace: (message) => connection.tracer.log(message),
    log,
  });

  // Push diagnostics, debounced per document so a burst of keystrokes costs one validation of the latest text.
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  function schedulePush(uri: string): void {
    if (capabilities.pullDiagnostics) return;
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        const version = documents.get(uri)?.version;
        void runSafe('validation', undefined, undefined, async () => {
          // A newer edit (or settings change) cancels this push: its own push follows.
          const result = await latest.of(uri, () => documents.get(uri)?.version !== version || pending.has(uri));
          if (!result || result.version !== version) return;
          await connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics });
        });
      }, pushDelayMs),
    );
  }

  function refreshAll(): void {
    latest.invalidate();
    if (capabilities.pullDiagnostics) {
      if (capabilities.diagnosticRefresh) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) schedulePush(document.uri);
  }

  connection.onInitialize((params): InitializeResult => {
    const client = params.capabilities;
    capabilities.configuration = client.workspace?.configuration === true;
    capabilities.pullDiagnostics = client.textDocument?.diagnostic !== undefined;
    capabilities.diagnosticRefresh = client.workspace?.diagnostics?.refreshSupport === true;
    const options = params.initializationOptions as InitializationOptions | undefined;
    // LSP allows snippet edits only in documentChanges.
    const workspaceEdit = client.workspace?.workspaceEdit;
    if (workspaceEdit?.snippetEditSupport === true && workspaceEdit.documentChanges === true) {
      capabilities.snippetEdits = options?.snippetEditIndentation === 'startLine' ? 'startLineIndentation' : 'exact';
    }
    const initial = options?.settings;
    if (initial !== undefined) globalSettings = withDefaults(initial);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind, refactoringKind], resolveProvider: false },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        diagnosticProvider: capabilities.pullDiagnostics
          ? { identifier: 'iam-policy', interFileDependencies: false, workspaceDiagnostics: false }
          : undefined,
      },
      serverInfo: { name: 'iam-policy-language-server', version: service.catalog.info.dataVersion },
    };
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (!change.changes.some((c) => c.uri.endsWith(`/${configFileName}`))) return;
    projectConfig.clear();
    reportedConfigProblems.clear();
    settingsByUri.clear();
    refreshAll();
  });

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    const section = (change.settings as Record<string, unknown> | undefined)?.[settingsSection];
    if (section !== undefined) globalSettings = withDefaults(section);
    refreshAll();
  });

  documents.onDidOpen((event) => schedulePush(event.document.uri));
  documents.onDidChangeContent((event) => schedulePush(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    models.delete(uri);
    hostModels.delete(uri);
    settingsByUri.delete(uri);
    service.forget(uri);
    if (!capabilities.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // A pull is answered with the diagnostics of the latest version; a cancelled one (the client cancels its pull when
  // the document changes) stops its validation unless another request waits for it, and gets the cancellation error
  // LSP asks for rather than an empty report a client might show.
  connection.languages.diagnostics.on(async (params, token) => {
    const result = await latest.of(params.textDocument.uri, () => token.isCancellationRequested);
    if (!result) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
    return { kind: DocumentDiagnosticReportKind.Full, items: result.diagnostics };
  });

  connection.onCompletion((params, token) =>
    runSafe('completion', null, token, async () => {
      const target = await served(params.textDocument.uri);
      if (!target) return null;
      return target.kind === 'host' ? hostService.complete(target.model, params.position) : service.complete(target.model, params.position);
    }),
  );

  connection.onHover((params, token) =>
    runSafe('hover', null, token, async () => {
      const target = await served(params.textDocument.uri);
      if (!target) return null;
      return target.kind === 'host' ? hostService.hover(target.model, params.position) : service.hover(target.model, params.position, { settings: target.settings });
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe('code actions', [], token, async () => {
      // Fixes come from the analysis: have it made by the sliced validation (or find it made) rather than in one block.
      if (!(await latest.of(params.textDocument.uri, () => token.isCancellationRequested))) return [];
      const target = await served(params.textDocument.uri);
      if (!target) return [];
      const { diagnostics, only } = params.context;
      return target.kind === 'host'
        ? hostService.codeActions(target.model, diagnostics, only, target.settings, params.range, capabilities.snippetEdits)
        : service.codeActions(target.model, diagnostics, only, { settings: target.settings }, params.range, capabilities.snippetEdits);
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe('document symbols', [], token, async () => {
      const target = await served(params.textDocument.uri);
      return target?.kind === 'policy' ? service.documentSymbols(target.model) : [];
    }),
  );

  connection.onDocumentFormatting((params, token) =>
    runSafe('formatting', [], token, async () => {
      // A host file is formatted by its own language's formatter, never by ours.
      const target = await served(params.textDocument.uri);
      return target?.kind === 'policy' ? service.format(target.model, undefined, params.options) : [];
    }),
  );

  connection.onDocumentRangeFormatting((params, token) =>
    runSafe('formatting', [], token, async () => {
      const target = await served(params.textDocument.uri);
      return target?.kind === 'policy' ? service.format(target.model, params.range, params.options) : [];
    }),
  );

  connection.onRequest(policyTypeRequest, (params: PolicyTypeParams, token) =>
    runSafe<PolicyTypeInfo | null>('policy type', null, token, async () => {
      const target = await served(params.uri);
      if (!target) return null;
      return target.kind === 'host' ? hostService.policyType(target.model, params.position) : service.policyType(target.model, { settings: target.settings });
    }),
  );

  connection.onRequest(grantsRequest, (params: GrantsParams, token) =>
    runSafe<GrantsResult | null>('grants', null, token, async () => {
      const target = await served(params.uri);
      if (!target) return null;
      if (target.kind === 'policy') return grantsListing(target.model, service.catalog, params.position);
      // In a host, the policy at the position (or the file's only one), listed whole.
      const document = target.model.document;
      const embedded = params.position ? policyAround(target.model, document.offsetAt(params.position)) : target.model.policies[0];
      return embedded ? grantsListing(embedded.model, service.catalog) : null;
    }),
  );

  /** The policies of a served document as the evaluator reads them: the policy itself, or each policy of the host. */
  function accessSources(target: Served): PolicySource[] {
    if (target.kind === 'policy') {
      const type = service.policyType(target.model, { settings: target.settings }).type;
      return [{ model: target.model, type, name: target.model.document.uri.replace(/^.*\//, ''), toFileSpan: (span) => span }];
    }
    return target.model.policies.map((embedded) => ({
      model: embedded.model,
      type: embedded.policy.policyType,
      name: embedded.policy.label,
      label: embedded.policy.label,
      toFileSpan: (span) => toHostSpan(embedded.virtual, span),
    }));
  }

  connection.onRequest(checkAccessRequest, (params: CheckAccessParams, token) =>
    runSafe<CheckAccessResult | null>('check access', null, token, async () => {
      const target = await served(params.uri);
      return target ? checkAccess(target.model.document, accessSources(target), params) : null;
    }),
  );

  connection.onRequest(accessVocabularyRequest, (params: AccessVocabularyParams, token) =>
    runSafe<AccessVocabularyResult | null>('access vocabulary', null, token, async () => {
      const target = params.uri === undefined ? undefined : await served(params.uri);
      if (!target) return accessVocabulary(service.catalog, [], params.action);
      const sources = accessSources(target);
      let focus: AccessFocus | undefined;
      if (params.position) {
        const offset = target.model.document.offsetAt(params.position);
        if (target.kind === 'policy') focus = { policy: 0, offset };
        else {
          const found = policyAt(target.model, offset);
          if (found) focus = { policy: target.model.policies.indexOf(found.policy), offset: found.virtualOffset };
        }
      }
      return accessVocabulary(service.catalog, sources, params.action, focus);
    }),
  );

  connection.onRequest(compareWithBaseRequest, (params: CompareWithBaseParams, token) =>
    runSafe<CompareWithBaseResult | null>('compare with base', null, token, async () => {
      const document = documents.get(params.uri);
      if (!document) return null;
      // The path decides how the text is read (a policy, or a template's policies); an unsaved document has none.
      let path = 'untitled.json';
      if (params.uri.startsWith('file:')) {
        try {
          path = fileURLToPath(params.uri);
        } catch {
          // keep the stand-in name
        }
      }
      const syntax = hostSyntax({ path });
      if (syntax) await prepareHost(syntax);
      return compareWithBase(service, document, path, params.baseText, params.baseLabel);
    }),
  );

  connection.onRequest(dataInfoRequest, (): DataInfo => service.catalog.info);

  documents.listen(connection);
  connection.listen();
}
