resource "aws_eks_cluster" "old" {
  name     = "old"
  role_arn = "arn:aws:iam::123456789012:role/eks"
  version  = "1.24"

  vpc_config {
    subnet_ids = ["subnet-1", "subnet-2"]
  }
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = "old"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::123456789012:role/node"
  subnet_ids      = ["subnet-1"]
  version         = "1.21"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
