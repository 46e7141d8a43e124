/** The published privilege-escalation methods (data/privilege-escalation-methods.json), typed. */
import methodData from '../../../data/privilege-escalation-methods.json';

export interface EscalationMethod {
  /** Our short id, e.g. `pass-role-to-new-lambda`. */
  readonly id: string;
  /** Every action the method needs, canonical `service:Action` spellings. */
  readonly actions: readonly string[];
  /** What the method lets the principal do, completing "lets this principal ...". */
  readonly reason: string;
  /** For methods that pass a role: the service principal it is passed to (`lambda.amazonaws.com`). */
  readonly passedTo?: string;
  readonly source: string;
}

export const escalationMethods: readonly EscalationMethod[] = methodData.methods;
