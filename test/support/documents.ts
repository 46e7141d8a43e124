import { TextDocument } from 'vscode-languageserver-textdocument';

export function documentOf(text: string, uri = 'file:///work/policy.iam.json', languageId = 'iam-policy'): TextDocument {
  return TextDocument.create(uri, languageId, 1, text);
}

/**
 * A multi-line policy whose Resource list holds "*" on its own line: wildcard-resource's suggestion and Scope Resource
 * insert placeholders there (the snippet-edit tests of the service and of the protocol).
 */
export const sendAndPublishOnEveryResource = [
  '{',
  '  "Version": "2012-10-17",',
  '  "Statement": [',
  '    {',
  '      "Effect": "Allow",',
  '      "Action": ["sqs:SendMessage", "sns:Publish"],',
  '      "Resource": [',
  '        "*"',
  '      ]',
  '    }',
  '  ]',
  '}',
].join('\n');
