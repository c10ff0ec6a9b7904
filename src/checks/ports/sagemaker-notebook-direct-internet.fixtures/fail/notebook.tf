resource "aws_sagemaker_notebook_instance" "explicit" {
  name                   = "research"
  role_arn               = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type          = "ml.t3.medium"
  direct_internet_access = "Enabled"
}

resource "aws_sagemaker_notebook_instance" "defaults" {
  name          = "scratch"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type = "ml.t3.medium"
}
