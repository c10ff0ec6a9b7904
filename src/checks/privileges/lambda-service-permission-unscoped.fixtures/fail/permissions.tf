resource "aws_lambda_permission" "from_s3" {
  statement_id  = "AllowS3"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnailer"
  principal     = "s3.amazonaws.com"
}

resource "aws_lambda_permission" "from_logs" {
  statement_id  = "AllowLogs"
  action        = "lambda:InvokeFunction"
  function_name = "log-shipper"
  principal     = "logs.eu-west-1.amazonaws.com"
  source_arn    = ""
}
