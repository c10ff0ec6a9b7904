resource "aws_s3_bucket" "uploads" {
  bucket = "uploads"
}

resource "aws_lambda_permission" "from_s3" {
  statement_id   = "AllowS3"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnailer"
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads.arn
  source_account = "123456789012"
}

resource "aws_lambda_permission" "from_account" {
  statement_id   = "AllowAccount"
  action         = "lambda:InvokeFunction"
  function_name  = "thumbnailer"
  principal      = "sns.amazonaws.com"
  source_account = "123456789012"
}

# an account principal is judged by TET-PRIV-025, not here
resource "aws_lambda_permission" "partner" {
  statement_id  = "AllowPartner"
  action        = "lambda:InvokeFunction"
  function_name = "thumbnailer"
  principal     = "111122223333"
}
