resource "aws_eks_cluster" "defaults" {
  name     = "prod"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }
}

resource "aws_eks_cluster" "explicit" {
  name     = "staging"
  role_arn = "arn:aws:iam::123456789012:role/eks"

  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0"]
    endpoint_public_access  = true
    endpoint_private_access = true
    public_access_cidrs     = ["203.0.113.0/24", "0.0.0.0/0"]
  }
}
