resource "aws_iam_role_policy" "deployer" {
  name = "deployer"
  role = "deployer"

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ReadState",
          "Effect": "Allow",
          "Action": ["s3:GetObject"],
          "Resource": "arn:aws:s3:::tf-state/*"
        },
        {
          "Sid": "Deploy",
          "Effect": "Allow",
          "Resource": "*",
          "Action": [
            "*"
          ]
        }
      ]
    }
  POLICY
}
