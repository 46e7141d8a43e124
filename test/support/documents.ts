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

/**
 * A CloudFormation template (YAML) of one role that Lambda assumes, with one inline policy whose statement lines
 * (indented as under `Statement:`) are given: the host tests of simulate, check access and diff.
 */
export function lambdaRoleTemplate(statementLines: readonly string[]): string {
  return [
    'Resources:',
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      AssumeRolePolicyDocument:',
    '        Version: "2012-10-17"',
    '        Statement:',
    '          - Effect: Allow',
    '            Principal: { Service: lambda.amazonaws.com }',
    '            Action: sts:AssumeRole',
    '      Policies:',
    '        - PolicyName: read',
    '          PolicyDocument:',
    '            Version: "2012-10-17"',
    '            Statement:',
    ...statementLines,
    '',
  ].join('\n');
}

/** The inline policy of lambdaRoleTemplate that the simulate and check-access tests use. */
export const readItemStatement = ['              - Sid: Read', '                Effect: Allow', '                Action: dynamodb:GetItem', '                Resource: "*"'];
