/** The published privilege-escalation methods (data/privilege-escalation-methods.json), typed. */
import methodData from '../../../../data/privilege-escalation-methods.json';

export interface EscalationMethod {
  /** Our short id, e.g. `pass-role-to-new-lambda`. */
  readonly id: string;
  /** Every action the method needs, canonical `service:Action` spellings. */
  readonly actions: readonly string[];
  /**
   * The action whose resources hold what the method reaches: the role passed, the principal or policy changed, the
   * function, instance or stack taken over.
   */
  readonly target: string;
  /** The method can give its target any permission (a policy of the caller's choice), not just what it already has. */
  readonly anyPermission?: boolean;
  /** What the method lets the principal do, completing "lets it ...". */
  readonly reason: string;
  /** For methods that pass a role: the service principal it is passed to (`lambda.amazonaws.com`). */
  readonly passedTo?: string;
  /** The catalogue entries the method stands for (pathfinding.cloud paths, Cloudsplaining's table, Rhino's list). */
  readonly sources: readonly string[];
}

/** A catalogue entry that is not a method here, with why. */
export interface LeftOutMethod {
  readonly entry: string;
  readonly why: string;
  readonly sources: readonly string[];
}

export const escalationMethods: readonly EscalationMethod[] = methodData.methods;
export const leftOutMethods: readonly LeftOutMethod[] = methodData.leftOut;
