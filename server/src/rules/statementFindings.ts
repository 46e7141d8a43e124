/**
 * What the statement-scoped rules (those with a `scope`, rules/types.ts) found in the statements of a document's last
 * analysis, so the next analysis of that document re-runs each of them only where its findings may differ: on the
 * statements an edit changed or added, and on those it found something in. Typing in one statement of a policy of
 * 1,800 statements, or pasting a new one, then re-checks that statement and the few hundred with findings, not every
 * statement with every rule.
 *
 * The record is only ever compared, never trusted beyond what the rule contract says: a scoped rule's findings in a
 * statement depend on that statement's text, on the text before the first statement and after the last (Version...),
 * on the policy type and the settings (together, `around`), and for `'statement-and-denials'` on the statements that
 * do not allow (`denials`). Not on where the statement is among the others, nor on what separates them: the rule
 * tests check that too. The record is therefore kept by statement text.
 */
import type { PolicyModel, Statement } from '../policy/model';
import type { NeverAllow, PolicyType, Problem, Rule } from './types';

export interface StatementFindings {
  /** The text before the first statement and after the last, the policy type and the settings the rules ran with. */
  readonly around: string;
  /** The texts of the statements whose Effect is not "Allow", in order (see the scope `'statement-and-denials'`). */
  readonly denials: string;
  /** Per statement text, the ids of the scoped rules that found something in a statement of that text. */
  readonly found: ReadonlyMap<string, ReadonlySet<string>>;
  /** Scoped rules whose findings could not be placed (or that threw): they run on every statement next time. */
  readonly unsettled: ReadonlySet<string>;
}

/** A statement's text, from its `{` to its `}`. */
export function statementTexts(model: PolicyModel): string[] {
  return model.statements.map((statement) => model.text.slice(statement.node.offset, statement.node.offset + statement.node.length));
}

// A separator that cannot occur in JSON text outside strings keeps two different lists from joining alike.
const separator = '\u0000';

/** `StatementFindings.denials` of a document, given its statements' texts. */
export function denialTexts(model: PolicyModel, texts: readonly string[]): string {
  const denials: string[] = [];
  model.statements.forEach((statement, place) => {
    if (statement.effect?.value !== 'Allow') denials.push(texts[place]!);
  });
  return denials.join(separator);
}

/** `StatementFindings.around` of a document and the settings its rules run with. */
export function aroundStatements(
  model: PolicyModel,
  policyType: PolicyType,
  ruleSettings: Readonly<Record<string, unknown>>,
  neverAllow: NeverAllow | undefined,
): string {
  const first = model.statements[0]?.node;
  const last = model.statements.at(-1)?.node;
  const before = first ? model.text.slice(0, first.offset) : model.text;
  const after = last ? model.text.slice(last.offset + last.length) : '';
  return [policyType, JSON.stringify(ruleSettings), JSON.stringify(neverAllow ?? null), before, after].join(separator);
}

/**
 * Which statements each scoped rule has to check, given the last run's record (undefined: all of them, for every
 * rule). The lists are in document order; rules that found nothing before share one list.
 */
export class StatementsToCheck {
  /** The statements whose text the record does not know: changed, added or moved in from elsewhere. */
  private readonly changed: readonly Statement[] | undefined;
  /** Per statement (by place), what the record says the scoped rules found in its text; undefined: not known. */
  private readonly before: readonly (ReadonlySet<string> | undefined)[] = [];
  /** The scoped rules that found something anywhere last time. */
  private readonly foundSomewhere = new Set<string>();

  constructor(
    private readonly model: PolicyModel,
    private readonly previous: StatementFindings | undefined,
    texts: readonly string[],
    private readonly denials: string,
  ) {
    if (!previous) return;
    // One lookup per statement: a text found in the record is compared with its key character by character.
    this.before = texts.map((text) => previous.found.get(text));
    this.changed = model.statements.filter((_, place) => this.before[place] === undefined);
    for (const ids of previous.found.values()) for (const id of ids) this.foundSomewhere.add(id);
  }

  for(rule: Rule): readonly Statement[] {
    const previous = this.previous;
    if (!previous || !this.changed || previous.unsettled.has(rule.id)) return this.model.statements;
    if (rule.scope === 'statement-and-denials' && previous.denials !== this.denials) return this.model.statements;
    if (!this.foundSomewhere.has(rule.id)) return this.changed;
    return this.model.statements.filter((_, place) => {
      const ids = this.before[place];
      return ids === undefined || ids.has(rule.id);
    });
  }
}

/** Collects, rule by rule, where the scoped rules found something: the record for the next run. */
export class StatementFindingsRecorder {
  private readonly found = new Map<string, Set<string>>();
  private readonly unsettled = new Set<string>();

  constructor(
    private readonly model: PolicyModel,
    private readonly around: string,
    private readonly texts: readonly string[],
    private readonly denials: string,
  ) {
    for (const text of texts) if (!this.found.has(text)) this.found.set(text, new Set());
  }

  /** A scoped rule's findings of this run (the problems it reported), or undefined when it threw. */
  record(rule: Rule, problems: readonly Problem[] | undefined): void {
    if (!problems) {
      this.unsettled.add(rule.id);
      return;
    }
    for (const problem of problems) {
      const place = this.placeOf(problem.offset);
      const node = place === undefined ? undefined : this.model.statements[place]!.node;
      // A finding outside every statement breaks the rule's contract: never skip it anywhere.
      if (!node || problem.offset + problem.length > node.offset + node.length) this.unsettled.add(rule.id);
      else this.found.get(this.texts[place!]!)!.add(rule.id);
    }
  }

  finish(): StatementFindings {
    return { around: this.around, denials: this.denials, found: this.found, unsettled: this.unsettled };
  }

  /** The place of the statement whose span holds `offset` (statements are in document order and do not overlap). */
  private placeOf(offset: number): number | undefined {
    const statements = this.model.statements;
    let low = 0;
    let high = statements.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const node = statements[middle]!.node;
      if (offset < node.offset) high = middle - 1;
      else if (offset >= node.offset + node.length) low = middle + 1;
      else return middle;
    }
    return undefined;
  }
}
