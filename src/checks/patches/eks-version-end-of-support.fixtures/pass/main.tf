resource "aws_eks_cluster" "current" {
  name     = "current"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.35"

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_eks_cluster" "default_version" {
  name     = "default-version"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}
