resource "aws_sagemaker_notebook_instance" "private" {
  name                   = "research"
  role_arn               = "arn:aws:iam::123456789012:role/sagemaker"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0a1"
  security_groups        = ["sg-0123"]
  direct_internet_access = "Disabled"
}
