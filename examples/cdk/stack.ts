// A small CDK application stack with deliberate IAM problems, linted by `npm start` (a typo, a wildcard action).
import { Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export class UploadsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const uploads = new s3.Bucket(this, 'Uploads');
    const role = new iam.Role(this, 'App', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });

    const readWrite = new iam.PolicyStatement({
      sid: 'Uploads',
      actions: ['s3:GetObject', 's3:PutObjet'],
      resources: [uploads.arnForObjects('*')],
    });
    readWrite.addActions('s3:ListBucket');
    readWrite.addResources(uploads.bucketArn);
    role.addToPolicy(readWrite);

    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'Everything',
        actions: ['*'],
        resources: ['*'],
      }),
    );

    role.addToPolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['s3:DeleteBucket'],
        resources: [uploads.bucketArn],
        conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
      }),
    );
  }
}
