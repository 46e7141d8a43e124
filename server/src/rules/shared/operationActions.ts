/**
 * API operations with no IAM action of their own, and the actions that authorize them (data/operation-actions.json):
 * `sqs:SendMessageBatch` is authorized by `sqs:SendMessage`, `s3:CopyObject` by `s3:GetObject` and `s3:PutObject`.
 */
import operationData from '../../../../data/operation-actions.json';

/** Each entry as the data gives it, for the data's own test. */
export const operationFacts: readonly { operation: string; actions: readonly string[]; reason: string; source: string }[] = operationData.operations;

const byName = new Map(operationFacts.map((entry) => [entry.operation.toLowerCase(), entry.actions]));

/** The actions that authorize the operation a policy wrote as `service:Name` (any case); undefined when none is known. */
export function actionsForOperation(service: string, name: string): readonly string[] | undefined {
  return byName.get(`${service}:${name}`.toLowerCase());
}
