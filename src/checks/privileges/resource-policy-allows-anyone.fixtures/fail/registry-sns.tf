module "notifications" {
  source  = "terraform-aws-modules/sns/aws"
  version = "~> 6.0"

  name = "notifications"

  topic_policy_statements = [
    {
      sid     = "PublishFromAnywhere"
      actions = ["sns:Publish"]
      principals = [
        {
          type        = "AWS"
          identifiers = ["*"]
        }
      ]
    }
  ]
}
