resource "aws_eks_cluster" "current" {
  name     = "current"
  role_arn = var.cluster_role_arn
  version  = "1.33"

  vpc_config {
    subnet_ids = var.subnets
  }
}

# no AMI type from 1.30: AL2023
resource "aws_eks_node_group" "defaulted" {
  cluster_name    = aws_eks_cluster.current.name
  node_group_name = "defaulted"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

resource "aws_eks_node_group" "bottlerocket" {
  cluster_name    = aws_eks_cluster.current.name
  node_group_name = "bottlerocket"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets
  ami_type        = "BOTTLEROCKET_x86_64"

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}

# a custom AMI through a launch template on an older cluster: not judged
resource "aws_eks_node_group" "custom" {
  cluster_name    = "legacy"
  node_group_name = "custom"
  node_role_arn   = var.node_role_arn
  subnet_ids      = var.subnets
  version         = "1.28"

  launch_template {
    id      = var.launch_template_id
    version = "$Latest"
  }

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }
}
