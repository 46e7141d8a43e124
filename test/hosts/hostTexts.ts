/**
 * Host files around policy statements, each written in its host's own syntax (statements from column 0, indented to
 * where the host puts them): the host test tables build their cases with these.
 */
import { indent } from './hostEngine';

/** A managed policy in a YAML template; `statements` is the YAML list of statements, from column 0. */
export const cfnYaml = (statements: string, extra = '') => `AWSTemplateFormatVersion: "2010-09-09"
${extra}Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
${indent(statements, 10)}
`;

/** The same in a JSON template; `statements` is the JSON array's inside, from column 0. */
export const cfnJson = (statements: string) => `{
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Policy": {
      "Type": "AWS::IAM::ManagedPolicy",
      "Properties": {
        "PolicyDocument": {
          "Version": "2012-10-17",
          "Statement": [
${indent(statements, 12)}
          ]
        }
      }
    }
  }
}
`;

/** An aws_iam_policy with `policy = jsonencode(...)`; `statements` is the HCL list's inside. */
export const tfJsonencode = (statements: string) => `resource "aws_iam_policy" "p" {
  name = "p"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
${indent(statements, 6)}
    ]
  })
}
`;

/** An aws_iam_policy with the policy in a `<<EOF` heredoc; `statements` is the JSON array's inside. */
export const tfHeredoc = (statements: string) => `resource "aws_iam_policy" "p" {
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
${indent(statements, 4)}
  ]
}
EOF
}
`;

/** The same in an indented `<<-EOF` heredoc. */
export const tfIndentedHeredoc = (statements: string) => `resource "aws_iam_policy" "p" {
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
${indent(statements, 8)}
      ]
    }
  EOF
}
`;

/** An aws_iam_policy_document data source; `statements` are its blocks. */
export const tfDocument = (statements: string) => `data "aws_iam_policy_document" "d" {
${indent(statements, 2)}
}
`;

/** serverless.yml v3: provider.iam.role.statements. */
export const slsV3 = (statements: string) => `service: shop
frameworkVersion: '3'
provider:
  name: aws
  runtime: nodejs20.x
  iam:
    role:
      statements:
${indent(statements, 8)}
`;

/** serverless.yml v2: provider.iamRoleStatements. */
export const slsV2 = (statements: string) => `service: shop
provider:
  name: aws
  iamRoleStatements:
${indent(statements, 4)}
`;

/** serverless.yml: a function's own iamRoleStatements. */
export const slsFunction = (statements: string) => `service: shop
provider:
  name: aws
functions:
  hello:
    handler: h.hello
    iamRoleStatements:
${indent(statements, 6)}
`;

/** serverless.yml: a managed policy in resources.Resources. */
export const slsResources = (statements: string) => `service: shop
provider:
  name: aws
resources:
  Resources:
    Policy:
      Type: AWS::IAM::ManagedPolicy
      Properties:
        PolicyDocument:
          Version: "2012-10-17"
          Statement:
${indent(statements, 12)}
`;

export const cdkTs = (props: string) => `import * as iam from 'aws-cdk-lib/aws-iam';

export const statement = new iam.PolicyStatement({
${indent(props, 2)}
});
`;

export const cdkPy = (props: string) => `from aws_cdk import aws_iam as iam

statement = iam.PolicyStatement(
${indent(props, 4)}
)
`;
