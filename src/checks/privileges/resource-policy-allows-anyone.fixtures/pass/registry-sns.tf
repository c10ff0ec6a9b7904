module "notifications" {
  source  = "terraform-aws-modules/sns/aws"
  version = "~> 6.0"

  name = "notifications"

  topic_policy_statements = [
    {
      sid     = "PublishFromTheOrganisation"
      actions = ["sns:Publish"]
      principals = [
        {
          type        = "AWS"
          identifiers = ["*"]
        }
      ]
      conditions = [
        {
          test     = "StringEquals"
          variable = "aws:PrincipalOrgID"
          values   = ["o-a1b2c3d4e5"]
        }
      ]
    }
  ]
}

# not attached: the module uses topic_policy only with create_topic_policy = false
module "legacy" {
  source = "terraform-aws-modules/sns/aws"

  name         = "legacy"
  topic_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = "*", Action = "sns:Publish", Resource = "*" }] })
}
