resource "aws_eks_cluster" "old" {
  name     = "old"
  role_arn = var.cluster_role_arn
  version  = "1.29"

  vpc_config {
    subnet_ids = var.subnets
  }
}

resource "aws_eks_node_group" "explicit" {
  cluster_name    = aws_eks_cluster.old.name
  node_group_name = "explicit"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets
  ami_type        = "AL2_ARM_64"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

# no AMI type on a 1.29 cluster: AL2
resource "aws_eks_node_group" "defaulted" {
  cluster_name    = aws_eks_cluster.old.name
  node_group_name = "defaulted"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
