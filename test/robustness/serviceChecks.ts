/**
 * One fuzz case against the public service: parse, validate, symbols, completion and hover at random offsets,
 * every offered code action (quick fixes, and fix-all through `only`), formatting. Returns what went wrong instead
 * of throwing, so a run can collect every distinct failure with the input that caused it.
 *
 * The service is built over the registry with each rule wrapped, so a rule that throws is seen every time (the
 * service itself logs a failing rule only once and carries on, which would hide later inputs).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings, policyTypes, type PolicyType, type Settings } from '../../shared/settings';
import { rules as registry } from '../../server/src/rules';
import type { ASTNode, PolicyModel } from '../../server/src/policy/model';
import type { Rule } from '../../server/src/rules/types';
import { createPolicyService, type PolicyService } from '../../server/src/service';
import { fixAllKind } from '../../server/src/service/codeActions';
import type { Random } from './random';

/** A call slower than this is a failure: a hang guard, not a speed test. */
export const callBoundMs = 2_000;

/**
 * How much slower this thread runs now than at its best, from a fixed piece of work (~5 ms unloaded). Several
 * people's test runs share the machine: a call is judged by its time scaled back to an unloaded machine, so a
 * load spike does not fail the run while a truly slow call still does.
 */
let fastestReferenceMs = Infinity;
function referenceWorkMs(): number {
  const started = performance.now();
  let h = 0;
  const parts: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    h = Math.imul(h ^ i, 0x9e3779b1) >>> 0;
    if ((i & 1023) === 0) parts.push(h.toString(36));
  }
  if (parts.join('').length === 0) throw new Error('unreachable');
  return performance.now() - started;
}
export function slowdown(): number {
  const now = Math.min(referenceWorkMs(), referenceWorkMs(), referenceWorkMs());
  fastestReferenceMs = Math.min(fastestReferenceMs, now);
  return Math.max(1, now / fastestReferenceMs);
}
// The unloaded reference: the best of a few runs at start-up.
for (let i = 0; i < 5; i++) slowdown();

export interface Failure {
  /** What failed: `validate threw`, `quick fix made invalid JSON`, `rule x threw`, `hover took 2500 ms`... */
  readonly check: string;
  readonly detail: string;
}

export interface CaseStats {
  validJson: boolean;
  diagnostics: number;
  quickFixes: number;
  fixAll: boolean;
  formatted: boolean;
  completions: number;
  hovers: number;
}

export interface CheckedService {
  readonly service: PolicyService;
  /** The slowest time seen per call (and per rule, as `rule:<id>`), in ms, with the case it was seen in. */
  readonly slowest: Map<string, { ms: number; label: string }>;
  /** Names the case being run, for `slowest`. */
  label: string;
  /** Time spent per call and per rule over all cases, in ms (where a run's time goes). */
  readonly total: Map<string, number>;
  /** Failures recorded by the wrapped rules since the last `takeRuleFailures`. */
  takeRuleFailures(): Failure[];
}

export function createCheckedService(rules: readonly Rule[] = registry): CheckedService {
  let ruleFailures: Failure[] = [];
  const slowest = new Map<string, { ms: number; label: string }>();
  const wrapped = rules.map(
    (rule): Rule => ({
      ...rule,
      check(context) {
        const started = performance.now();
        try {
          rule.check(context);
        } catch (error) {
          ruleFailures.push({ check: `rule ${rule.id} threw`, detail: describe(error) });
          throw error;
        } finally {
          const elapsed = performance.now() - started;
          note(checked, `rule:${rule.id}`, elapsed);
          if (elapsed > callBoundMs) {
            const factor = slowdown();
            if (elapsed / factor > callBoundMs) ruleFailures.push({ check: `rule ${rule.id} took over ${callBoundMs} ms`, detail: `${elapsed.toFixed(0)} ms (machine ${factor.toFixed(1)}x slower than at best)` });
          }
        }
      },
    }),
  );
  // The wrapped rules report their own failures; the service's log line would repeat them.
  const service = createPolicyService({ rules: wrapped, log: () => undefined });
  const checked: CheckedService = {
    service,
    slowest,
    label: '',
    total: new Map(),
    takeRuleFailures() {
      const taken = ruleFailures;
      ruleFailures = [];
      return taken;
    },
  };
  return checked;
}

function note(checked: CheckedService, name: string, elapsed: number): void {
  if (elapsed > (checked.slowest.get(name)?.ms ?? 0)) checked.slowest.set(name, { ms: elapsed, label: checked.label });
  checked.total.set(name, (checked.total.get(name) ?? 0) + elapsed);
}

export function describe(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 8).join('\n');
  return String(error);
}

const uris = [
  'file:///fuzz/policy.iam.json',
  'file:///fuzz/role.trust.json',
  'file:///fuzz/guard.scp.json',
  'file:///fuzz/guard.rcp.json',
  'file:///fuzz/limit.boundary.json',
  'file:///fuzz/logs-bucket-policy.json',
  'file:///fuzz/queue.resource.json',
  'file:///fuzz/d%C3%A9j%C3%A0%20vu.iam.json',
  'untitled:Untitled-1',
];

/** Settings for one case: mostly the defaults, sometimes a tiny size cap, validation off or rule overrides. */
function settingsFor(text: string, random: Random): Settings {
  const roll = random.next();
  if (roll < 0.04) return { ...defaultSettings, maxFileSize: random.between(1, Math.max(1, text.length)) };
  if (roll < 0.06) return { ...defaultSettings, validate: { enable: false } };
  if (roll < 0.12) {
    const overrides: Settings['rules'] = {};
    for (const rule of registry) if (random.chance(0.3)) overrides[rule.id] = random.pick(['error', 'warning', 'info', 'hint', 'off'] as const);
    return { ...defaultSettings, rules: overrides };
  }
  return defaultSettings;
}

/**
 * Runs every seed through validation (as three policy types), completion and hover once, so one-time costs (the
 * catalogue, indexes rules build on first use) are paid before the timed cases, as a running server pays them once.
 * Returns how long that took and the slowest first use, for the record; the timing maps start empty afterwards.
 */
export async function warmUp(checked: CheckedService, texts: readonly string[]): Promise<{ ms: number; slowest: string }> {
  const started = performance.now();
  // An even sample of at most 150 seeds reaches every rule's first use without costing seconds.
  const step = Math.max(1, Math.ceil(texts.length / 150));
  for (const text of texts.filter((_, i) => i % step === 0)) {
    const model = checked.service.parse(TextDocument.create('file:///warm-up/policy.iam.json', 'iam-policy', 1, text), defaultSettings);
    for (const policyType of ['identity', 'resource', 'trust'] as const) checked.service.validate(model, { settings: defaultSettings, policyType });
    const middle = model.document.positionAt(Math.floor(text.length / 2));
    await checked.service.complete(model, middle);
    await checked.service.hover(model, middle, { settings: defaultSettings });
  }
  checked.takeRuleFailures();
  const [name, first] = [...checked.slowest].sort((a, b) => b[1].ms - a[1].ms)[0] ?? ['-', { ms: 0 }];
  checked.slowest.clear();
  checked.total.clear();
  return { ms: performance.now() - started, slowest: `${name} ${first.ms.toFixed(0)} ms` };
}

// --- positions --------------------------------------------------------------------------------------------------

/** Line start offsets and content lengths (without the line break), with the line breaks TextDocument uses. */
function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      lengths.push(i - starts[starts.length - 1]!);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  lengths.push(text.length - starts[starts.length - 1]!);
  return { starts, lengths };
}

class Positions {
  private readonly table: { starts: number[]; lengths: number[] };
  constructor(text: string) {
    this.table = lineTable(text);
  }

  isValid(position: Position): boolean {
    const length = this.table.lengths[position.line];
    return Number.isInteger(position.line) && Number.isInteger(position.character) && length !== undefined && position.character >= 0 && position.character <= length;
  }

  isValidRange(range: Range): boolean {
    return this.isValid(range.start) && this.isValid(range.end) && this.offset(range.start) <= this.offset(range.end);
  }

  offset(position: Position): number {
    return this.table.starts[position.line]! + position.character;
  }
}

function contains(outer: Range, inner: Range, positions: Positions): boolean {
  return positions.offset(outer.start) <= positions.offset(inner.start) && positions.offset(inner.end) <= positions.offset(outer.end);
}

function show(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * Edits applied the way an editor applies them: all ranges valid, none overlapping (insertions at one point are
 * fine and go in order). Returns the new text, or what is wrong with the edits.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): AppliedEdits | { problem: string } {
  const positions = new Positions(text);
  const spans = edits.map((edit, order) => {
    if (typeof edit.newText !== 'string') return { problem: `edit at ${show(edit.range)} has no newText` };
    if (!positions.isValidRange(edit.range)) return { problem: `edit range ${show(edit.range)} is outside the document` };
    return { start: positions.offset(edit.range.start), end: positions.offset(edit.range.end), text: edit.newText, order };
  });
  const bad = spans.find((s): s is { problem: string } => 'problem' in s);
  if (bad) return bad;
  const sorted = (spans as { start: number; end: number; text: string; order: number }[]).sort((a, b) => a.start - b.start || a.order - b.order);
  let out = '';
  let at = 0;
  const moved: MovedEdit[] = [];
  for (const span of sorted) {
    if (span.start < at) return { problem: `overlapping edits at offset ${span.start}` };
    out += text.slice(at, span.start);
    moved.push({ start: span.start, end: span.end, newStart: out.length, newEnd: out.length + span.text.length });
    out += span.text;
    at = span.end;
  }
  return { text: out + text.slice(at), moved };
}

/** Where an edit was in the old text and where its new text is in the result. */
export interface MovedEdit {
  readonly start: number;
  readonly end: number;
  readonly newStart: number;
  readonly newEnd: number;
}

export interface AppliedEdits {
  readonly text: string;
  readonly moved: readonly MovedEdit[];
}

/** The property whose key string node is exactly [start, end), if any. */
function propertyWithKeyAt(model: PolicyModel, start: number, end: number): ASTNode | undefined {
  const node = model.json.getNodeFromOffset(start + 1);
  const property = node?.parent;
  if (node?.type !== 'string' || property?.type !== 'property' || property.keyNode !== node) return undefined;
  return node.offset === start && node.offset + node.length === end ? property : undefined;
}

// --- the case ---------------------------------------------------------------------------------------------------

export interface CaseResult {
  readonly failures: Failure[];
  readonly stats: CaseStats;
  /** The case's document URI, explicit policy type and settings, to reproduce it outside the fuzzer. */
  readonly context: string;
}

/** Fixed choices for a case (the pathological tests); what is not given is drawn from the generator. */
export interface CaseOverrides {
  readonly uri?: string;
  readonly settings?: Settings;
  /** `null`: no explicit type (the document's own). */
  readonly policyType?: PolicyType | null;
}

export async function checkDocument(checked: CheckedService, text: string, random: Random, overrides: CaseOverrides = {}): Promise<CaseResult> {
  const { service } = checked;
  const failures: Failure[] = [];
  const stats: CaseStats = { validJson: false, diagnostics: 0, quickFixes: 0, fixAll: false, formatted: false, completions: 0, hovers: 0 };
  const fail = (check: string, detail: string) => failures.push({ check, detail });

  async function timed<T>(name: string, work: () => T | Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      return await work();
    } catch (error) {
      fail(`${name} threw`, describe(error));
      return undefined;
    } finally {
      const elapsed = performance.now() - started;
      note(checked, name, elapsed);
      if (elapsed > callBoundMs) {
        const factor = slowdown();
        if (elapsed / factor > callBoundMs) fail(`${name} took over ${callBoundMs} ms`, `${elapsed.toFixed(0)} ms (machine ${factor.toFixed(1)}x slower than at best)`);
      }
    }
  }

  const uri = overrides.uri ?? random.pick(uris);
  const document = TextDocument.create(uri, 'iam-policy', 1, text);
  const positions = new Positions(text);
  const settings = overrides.settings ?? settingsFor(text, random);
  const explicit: PolicyType | undefined =
    overrides.policyType !== undefined ? (overrides.policyType ?? undefined) : random.chance(0.4) ? random.pick(policyTypes) : undefined;
  const options = { settings, policyType: explicit };
  const context = `uri ${uri}, policy type ${explicit ?? '(from the document)'}, settings ${JSON.stringify(settings)}`;
  const randomPosition = (): Position => {
    // Half the time inside or at the edge of a string, where completion and hover have the most to do.
    const quotes: number[] = [];
    for (let i = text.indexOf('"'); i >= 0 && quotes.length < 2_000; i = text.indexOf('"', i + 1)) quotes.push(i);
    const offset = quotes.length > 0 && random.chance(0.5) ? Math.min(text.length, random.pick(quotes) + random.int(12)) : random.int(text.length + 1);
    return document.positionAt(offset);
  };

  const model = await timed('parse', () => service.parse(document, settings));
  if (!model) return { failures: [...failures, ...checked.takeRuleFailures()], stats, context };
  stats.validJson = !model.tooLarge && model.root !== undefined && model.syntaxErrors.length === 0;

  const diagnostics = (await timed('validate', () => service.validate(model, options))) ?? [];
  stats.diagnostics = diagnostics.length;
  for (const diagnostic of diagnostics) {
    if (!positions.isValidRange(diagnostic.range)) fail('diagnostic range is outside the document', `${String(diagnostic.code)} ${show(diagnostic.range)}`);
  }
  if (model.tooLarge && (diagnostics.length !== 1 || diagnostics[0]!.code !== 'file-too-large')) {
    fail('a document over the size cap gets exactly one file-too-large diagnostic', diagnostics.map((d) => String(d.code)).join(', '));
  }

  const symbols = (await timed('documentSymbols', () => service.documentSymbols(model))) ?? [];
  checkSymbols(symbols, positions, fail);

  for (let n = 0; n < 2; n++) {
    const position = randomPosition();
    const list = await timed('complete', () => service.complete(model, position));
    if (list) {
      stats.completions++;
      checkCompletions(list.items, position, positions, fail);
    }
  }
  const hoverPosition = randomPosition();
  const hover = await timed('hover', () => service.hover(model, hoverPosition, options));
  if (hover) {
    stats.hovers++;
    if (hover.range && !positions.isValidRange(hover.range)) fail('hover range is outside the document', show(hover.range));
  }

  // Quick fixes for every diagnostic; then fix-all as VS Code asks for it on save. Whether a fix adds an error is
  // judged with the default severities (an override can raise any rule to error, and rules defer to each other: a
  // fix that settles one finding may let another rule speak), on the whole text (even when a small size cap was
  // chosen for the case), as the policy type chosen before the fix.
  const uncapped = { ...settings, maxFileSize: Number.MAX_SAFE_INTEGER };
  const pinned = { settings: { ...uncapped, rules: {} }, policyType: service.policyType(model, options).type };
  let judgedBefore: Map<string, number> | undefined;
  const errorsBefore = () => (judgedBefore ??= countErrors(Object.keys(settings.rules).length === 0 ? diagnostics : service.validate(model, pinned)));
  const afterFix = async (what: string, action: CodeAction, mustNotAddErrors: boolean) => {
    const edits = action.edit?.changes?.[uri] ?? [];
    if (action.edit?.documentChanges !== undefined || Object.keys(action.edit?.changes ?? {}).some((u) => u !== uri)) {
      fail(`${what} edits another document`, JSON.stringify(Object.keys(action.edit?.changes ?? {})));
    }
    const applied = applyTextEdits(text, edits);
    if ('problem' in applied) {
      fail(`${what} has bad edits`, `${action.title}: ${applied.problem}`);
      return;
    }
    const fixedModel = await timed('parse', () => service.parse(TextDocument.create(uri, 'iam-policy', 2, applied.text), uncapped));
    if (!fixedModel) return;
    if (stats.validJson && (fixedModel.root === undefined || fixedModel.syntaxErrors.length > 0)) {
      fail(`${what} made invalid JSON`, `${action.title}\n--- after the fix ---\n${applied.text.slice(0, 2_000)}`);
      return;
    }
    if (loneSurrogates(applied.text) > loneSurrogates(text)) {
      fail(`${what} splits a surrogate pair`, `${action.title}\n--- after the fix (JSON-escaped) ---\n${JSON.stringify(applied.text.slice(0, 2_000))}`);
    }
    if (duplicateKeys(fixedModel.root) > duplicateKeys(model.root)) {
      // Say whether two renames in one object chose the same new name (each fine alone, not together).
      const renames = new Map<string, number>();
      for (const edit of applied.moved) {
        const property = propertyWithKeyAt(model, edit.start, edit.end);
        const key = `${property?.parent?.offset}:${applied.text.slice(edit.newStart, edit.newEnd)}`;
        if (property) renames.set(key, (renames.get(key) ?? 0) + 1);
      }
      const cause = [...renames.values()].some((n) => n > 1) ? ' (two keys of one object renamed to the same name)' : '';
      fail(`${what} makes a duplicate key`, `${action.title}${cause}\n--- after the fix ---\n${applied.text.slice(0, 2_000)}`);
    }
    if (!mustNotAddErrors) return;
    // Renaming a key to a policy element makes IAM read a value that was already there: whatever is wrong with it (or
    // with it beside the rest of the policy: a duplicate Sid, Principal with NotPrincipal) is revealed, not added.
    // So the renames alone give a second baseline, and only errors above both baselines count.
    const renames = edits.filter((edit) => positions.isValidRange(edit.range) && propertyWithKeyAt(model, positions.offset(edit.range.start), positions.offset(edit.range.end)));
    let revealed: Map<string, number> | undefined;
    if (renames.length > 0) {
      const renamedOnly = applyTextEdits(text, renames);
      if (!('problem' in renamedOnly)) {
        const renamedModel = service.parse(TextDocument.create(uri, 'iam-policy', 2, renamedOnly.text), uncapped);
        revealed = countErrors((await timed('validate', () => service.validate(renamedModel, pinned))) ?? []);
      }
    }
    const after = countErrors((await timed('validate', () => service.validate(fixedModel, pinned))) ?? []);
    const before = errorsBefore();
    const duplicates = duplicateKeys(model.root) > 0 ? ' (the input has duplicate keys)' : '';
    for (const [rule, count] of after) {
      if (count > Math.max(before.get(rule) ?? 0, revealed?.get(rule) ?? 0)) {
        fail(`${what} adds an error`, `${action.title} adds ${rule}${duplicates}\n--- after the fix ---\n${applied.text.slice(0, 2_000)}`);
      }
    }
  };

  if (diagnostics.length > 0) {
    const actions = (await timed('codeActions', () => service.codeActions(model, diagnostics, undefined, options))) ?? [];
    // Every action is applied and parsed; the preferred (safe) ones are validated again. Capped per case for time.
    for (const action of actions.slice(0, 40)) {
      stats.quickFixes++;
      await afterFix(action.isPreferred ? 'a preferred quick fix' : 'a quick fix', action, action.isPreferred === true);
    }
    const only = random.pick([['source.fixAll'], [fixAllKind], ['source']]);
    const fixAll = (await timed('codeActions', () => service.codeActions(model, diagnostics, only, options))) ?? [];
    for (const action of fixAll) {
      if (action.kind !== fixAllKind) fail('codeActions with only=source.fixAll offers another kind', `${String(action.kind)}: ${action.title}`);
      stats.fixAll = true;
      await afterFix('fix-all', action, true);
    }
  }

  if (stats.validJson) {
    const formatting = { tabSize: random.pick([2, 4]), insertSpaces: random.chance(0.7) };
    const range = random.chance(0.3) ? { start: randomPosition(), end: randomPosition() } : undefined;
    if (range && positions.offset(range.start) > positions.offset(range.end)) [range.start, range.end] = [range.end, range.start];
    const edits = (await timed('format', () => service.format(model, range, formatting))) ?? [];
    if (edits.length > 0) {
      stats.formatted = true;
      const applied = applyTextEdits(text, edits);
      if ('problem' in applied) fail('format has bad edits', applied.problem);
      else if (!sameJsonValue(text, applied.text)) fail('format changed the JSON value', `--- after formatting ---\n${applied.text.slice(0, 2_000)}`);
    }
  }

  return { failures: [...failures, ...checked.takeRuleFailures()], stats, context };
}

/** UTF-16 code units that are half of a pair without the other half. */
export function loneSurrogates(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else count++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      count++;
    }
  }
  return count;
}

/** Keys that appear more than once in one object, over the whole tree. */
function duplicateKeys(root: ASTNode | undefined): number {
  let count = 0;
  const walk = (node: ASTNode | undefined, depth: number) => {
    if (!node || depth > 2_000) return;
    if (node.type === 'object') {
      const keys = new Set<string>();
      for (const property of node.properties) {
        if (keys.has(property.keyNode.value)) count++;
        keys.add(property.keyNode.value);
        walk(property.valueNode, depth + 1);
      }
    } else if (node.type === 'array') {
      for (const item of node.items) walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return count;
}

function countErrors(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 1) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

/** Same value by JSON.parse, when JSON.parse reads the input at all (it disagrees with the editor parser on a BOM). */
function sameJsonValue(before: string, after: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(before);
  } catch {
    return true;
  }
  try {
    return JSON.stringify(JSON.parse(after)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** VS Code rejects a symbol with an empty name, or whose selection range is outside its range. */
function checkSymbols(symbols: readonly DocumentSymbol[], positions: Positions, fail: (check: string, detail: string) => void): void {
  for (const symbol of symbols) {
    if (!symbol.name) fail('document symbol with an empty name', JSON.stringify(symbol).slice(0, 300));
    if (!positions.isValidRange(symbol.range) || !positions.isValidRange(symbol.selectionRange)) {
      fail('document symbol range is outside the document', `${symbol.name} ${show(symbol.range)} ${show(symbol.selectionRange)}`);
    } else if (!contains(symbol.range, symbol.selectionRange, positions)) {
      fail('document symbol selection range is outside its range', `${symbol.name} ${show(symbol.range)} ${show(symbol.selectionRange)}`);
    }
    for (const child of symbol.children ?? []) {
      if (positions.isValidRange(child.range) && positions.isValidRange(symbol.range) && !contains(symbol.range, child.range, positions)) {
        fail('document symbol child is outside its parent', `${symbol.name} > ${child.name}`);
      }
    }
    checkSymbols(symbol.children ?? [], positions, fail);
  }
}

/**
 * VS Code throws on a completion item whose edit range spans lines or is on another line than the request, and on
 * an insert/replace pair that does not start together with the insert range inside the replace range. LSP also
 * wants the range to contain the position (the editor filters on the text from the range start to the cursor).
 */
function checkCompletions(
  items: readonly { label: string; textEdit?: TextEdit | { insert: Range; replace: Range; newText: string }; additionalTextEdits?: TextEdit[] }[],
  position: Position,
  positions: Positions,
  fail: (check: string, detail: string) => void,
): void {
  for (const item of items) {
    if (!item.label) fail('completion item with an empty label', JSON.stringify(item).slice(0, 300));
    const edit = item.textEdit;
    if (!edit) continue;
    const ranges = 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
    let valid = true;
    for (const range of ranges) {
      if (!positions.isValidRange(range)) {
        valid = false;
        fail('completion edit range is outside the document', `${item.label} ${show(range)}`);
      } else if (range.start.line !== range.end.line || range.start.line !== position.line) {
        fail('completion edit range is not on the requested line', `${item.label} ${show(range)} at ${position.line}:${position.character}`);
      } else if (range.start.character > position.character || range.end.character < position.character) {
        fail('completion edit range does not contain the position', `${item.label} ${show(range)} at ${position.line}:${position.character}`);
      }
    }
    if (valid && 'insert' in edit && (positions.offset(edit.insert.start) !== positions.offset(edit.replace.start) || !contains(edit.replace, edit.insert, positions))) {
      fail('completion insert range is not a prefix of its replace range', `${item.label} ${show(edit.insert)} ${show(edit.replace)}`);
    }
    for (const extra of item.additionalTextEdits ?? []) {
      if (!positions.isValidRange(extra.range)) fail('completion additional edit is outside the document', `${item.label} ${show(extra.range)}`);
    }
  }
}
