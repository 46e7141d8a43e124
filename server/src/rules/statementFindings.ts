/**
 * What the statement-scoped rules (those with a `scope`, rules/types.ts) found in each statement of a document's last analysis, so
 * the next analysis of that document re-runs each of them only where its findings may differ: on the statements an
 * edit changed and on those it found something in. Typing in one statement of a policy of 1,800 statements then
 * re-checks that statement and the few hundred findings, not every statement with every rule.
 *
 * The record is only ever compared, never trusted beyond what the rule contract says: anything the findings depend on
 * besides a statement's own text (the text around the statements, the policy type, the rule settings) is part of
 * `around`, and a difference there re-runs every rule on every statement.
 */
import type { PolicyModel, Statement } from '../policy/model';
import type { NeverAllow, PolicyType, Problem, Rule } from './types';

export interface StatementFindings {
  /** The text outside the statements, the policy type and the settings the rules ran with. */
  readonly around: string;
  /** The statements whose Effect is not "Allow", with their places (see the scope `'statement-and-denials'`). */
  readonly denials: string;
  /** Each statement's text, by its place in `PolicyModel.statements`. */
  readonly texts: readonly string[];
  /** Per statement (by place), the ids of the statement-scoped rules that found something in it. */
  readonly found: readonly ReadonlySet<string>[];
  /** Statement-scoped rules whose findings could not be placed (or that threw): they run on every statement next time. */
  readonly unsettled: ReadonlySet<string>;
}

/** A statement's text, from its `{` to its `}`. */
export function statementTexts(model: PolicyModel): string[] {
  return model.statements.map((statement) => model.text.slice(statement.node.offset, statement.node.offset + statement.node.length));
}

/** `StatementFindings.denials` of a document, given its statements' texts. */
export function denialTexts(model: PolicyModel, texts: readonly string[]): string {
  const denials: string[] = [];
  model.statements.forEach((statement, place) => {
    if (statement.effect?.value !== 'Allow') denials.push(`${place}\u0001${texts[place]}`);
  });
  return denials.join('\u0000');
}

/** The part of `StatementFindings.around` a document and its run settings give. */
export function aroundStatements(
  model: PolicyModel,
  policyType: PolicyType,
  ruleSettings: Readonly<Record<string, unknown>>,
  neverAllow: NeverAllow | undefined,
): string {
  const gaps: string[] = [policyType, JSON.stringify(ruleSettings), JSON.stringify(neverAllow ?? null)];
  let from = 0;
  for (const statement of model.statements) {
    gaps.push(model.text.slice(from, statement.node.offset));
    from = statement.node.offset + statement.node.length;
  }
  gaps.push(model.text.slice(from));
  // A separator that cannot occur in JSON text outside strings keeps two different splits from joining alike.
  return gaps.join('\u0000');
}

/**
 * Which statements each statement-scoped rule has to check, given the last run's record (undefined: all of them, for
 * every rule). The lists are in document order; rules that found nothing before share one list.
 */
export class StatementsToCheck {
  private readonly changed: readonly Statement[] | undefined;

  constructor(
    private readonly model: PolicyModel,
    private readonly previous: StatementFindings | undefined,
    private readonly texts: readonly string[],
    private readonly denials: string,
  ) {
    if (!previous) return;
    this.changed = model.statements.filter((_, place) => previous.texts[place] !== texts[place]);
  }

  for(rule: Rule): readonly Statement[] {
    const previous = this.previous;
    if (!previous || !this.changed || previous.unsettled.has(rule.id)) return this.model.statements;
    if (rule.scope === 'statement-and-denials' && previous.denials !== this.denials) return this.model.statements;
    const texts = this.texts;
    const check = (place: number) => previous.texts[place] !== texts[place] || previous.found[place]!.has(rule.id);
    if (!previous.found.some((ids) => ids.has(rule.id))) return this.changed;
    return this.model.statements.filter((_, place) => check(place));
  }
}

/** Collects, rule by rule, where the statement-scoped rules found something: the record for the next run. */
export class StatementFindingsRecorder {
  private readonly found: Set<string>[];
  private readonly unsettled = new Set<string>();

  constructor(
    private readonly model: PolicyModel,
    private readonly around: string,
    private readonly texts: readonly string[],
    private readonly denials: string,
  ) {
    this.found = model.statements.map(() => new Set());
  }

  /** A statement-scoped rule's findings of this run (the problems it reported), or undefined when it threw. */
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
      else this.found[place!]!.add(rule.id);
    }
  }

  finish(): StatementFindings {
    return { around: this.around, denials: this.denials, texts: this.texts, found: this.found, unsettled: this.unsettled };
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
