resource "aws_sagemaker_notebook_instance" "defaults" {
  name          = "defaults"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_notebook_instance" "explicit" {
  name          = "explicit"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type = "ml.t3.medium"
  root_access   = "Enabled"
}
