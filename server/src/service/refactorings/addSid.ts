/**
 * Add a Sid to a statement that has none, named after what it does (`AllowS3Read`, `DenyIamPermissionsManagement`,
 * `AllowStsAssumeRole`) and unique in the policy. Letters and digits only, which every policy type accepts.
 */
import { hasWildcard } from '../../catalog';
import type { Catalog } from '../../catalog/types';
import type { Statement } from '../../policy/model';
import { statementActions } from '../../policy/statementActions';
import { insertProperty } from '../../rules/shared/edits';
import { kindPrefix, pascalWords, sidsInUse, uniqueSid, type Refactoring, type RefactoringContext } from './context';

/** Sids beyond this length are hard to read in consoles and logs; longer names are cut at a word boundary. */
const maxSidLength = 48;

export function suggestedSid(statement: Statement, catalog: Catalog): string {
  const effect = statement.effect?.value === 'Allow' || statement.effect?.value === 'Deny' ? statement.effect.value : 'Statement';
  if (!statement.action) return statement.notAction ? `${effect}AllExceptListed` : effect;
  const values = statement.action.values.map((v) => v.value);
  const services = [...new Set(values.map((v) => (v.includes(':') ? v.slice(0, v.indexOf(':')).toLowerCase() : '*')))];
  const concrete = services.every((s) => s !== '' && !hasWildcard(s));
  const actions = statementActions(statement, catalog).actions;
  const levels = [...new Set(actions.map((a) => a.accessLevel))];
  let what = '';
  if (values.length === 1 && concrete && !hasWildcard(values[0]!)) {
    const action = catalog.findAction(values[0]!);
    what = pascalWords(services[0]!) + pascalWords(action ? action.name : values[0]!.slice(values[0]!.indexOf(':') + 1));
  } else {
    const serviceWords = concrete && services.length <= 3 ? services.map(pascalWords).join('') : '';
    const levelWord = levels.length === 1 ? pascalWords(levels[0]!) : '';
    what = serviceWords + levelWord || (concrete ? 'MultipleServices' : 'All');
  }
  const sid = `${effect}${what}`;
  return sid.length <= maxSidLength ? sid : sid.slice(0, maxSidLength).replace(/[A-Z][a-z0-9]*$/, '') || sid.slice(0, maxSidLength);
}

export function addSid(context: RefactoringContext): Refactoring[] {
  const statement = context.statement;
  if (!statement || statement.sid || statement.node.type !== 'object') return [];
  const sid = uniqueSid(suggestedSid(statement, context.catalog), sidsInUse(context.model));
  return [
    {
      title: `Add Sid "${sid}"`,
      kind: `${kindPrefix}.add-sid`,
      edits: [insertProperty(context.model.text, statement.node, 'Sid', JSON.stringify(sid), 'first')],
    },
  ];
}
