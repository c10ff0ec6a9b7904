resource "aws_glue_resource_policy" "catalog" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "glue:*"
      Resource  = "arn:aws:glue:eu-west-1:123456789012:*"
    }]
  })
}

data "aws_iam_policy_document" "bus" {
  statement {
    sid       = "AnyoneMayPut"
    actions   = ["events:PutEvents"]
    resources = ["arn:aws:events:eu-west-1:123456789012:event-bus/orders"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_cloudwatch_event_bus_policy" "orders" {
  event_bus_name = "orders"
  policy         = data.aws_iam_policy_document.bus.json
}

resource "aws_dynamodb_resource_policy" "sessions" {
  resource_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/sessions"
  policy       = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}"
}

resource "aws_codeartifact_repository_permissions_policy" "packages" {
  repository = "packages"
  domain     = "example"
  policy_document = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "codeartifact:ReadFromRepository"
      Resource  = "*"
    }]
  })
}
