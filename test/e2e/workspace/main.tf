resource "aws_s3_bucket" "uploads" {
  bucket = "e2e-uploads"
}

resource "aws_iam_policy" "uploader" {
  name = "uploader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "WriteUploads"
        Effect   = "Allow"
        Action   = ["s3:PutObjet"]
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
    ]
  })
}

data "aws_iam_policy_document" "list_uploads" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.uploads.arn]
  }
}
