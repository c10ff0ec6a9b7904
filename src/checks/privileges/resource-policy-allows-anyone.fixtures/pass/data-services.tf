resource "aws_cloudwatch_event_bus_policy" "orders" {
  event_bus_name = "orders"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "events:PutEvents"
      Resource  = "arn:aws:events:eu-west-1:123456789012:event-bus/orders"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdefghij" } }
    }]
  })
}

resource "aws_kinesis_resource_policy" "clicks" {
  resource_arn = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:role/analytics" }
      Action    = ["kinesis:GetRecords", "kinesis:GetShardIterator"]
      Resource  = "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
    }]
  })
}
