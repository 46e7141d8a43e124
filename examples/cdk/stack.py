# A small CDK application stack in Python with deliberate IAM problems (a typo, a wildcard action).
from aws_cdk import Stack, aws_iam as iam, aws_s3 as s3
from constructs import Construct


class UploadsStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        uploads = s3.Bucket(self, "Uploads")
        role = iam.Role(self, "App", assumed_by=iam.ServicePrincipal("ec2.amazonaws.com"))

        read_write = iam.PolicyStatement(
            sid="Uploads",
            actions=["s3:GetObject", "s3:PutObjet"],
            resources=[uploads.arn_for_objects("*")],
        )
        read_write.add_actions("s3:ListBucket")
        read_write.add_resources(uploads.bucket_arn)
        role.add_to_policy(read_write)

        role.add_to_policy(
            iam.PolicyStatement(
                sid="Everything",
                actions=["*"],
                resources=["*"],
            )
        )

        role.add_to_policy(
            iam.PolicyStatement(
                effect=iam.Effect.DENY,
                actions=["s3:DeleteBucket"],
                resources=[uploads.bucket_arn],
                conditions={"Bool": {"aws:MultiFactorAuthPresent": "false"}},
            )
        )
