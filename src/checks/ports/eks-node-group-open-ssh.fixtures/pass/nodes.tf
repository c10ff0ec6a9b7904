resource "aws_eks_node_group" "workers" {
  cluster_name    = "prod"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }

  remote_access {
    ec2_ssh_key               = "ops-key"
    source_security_group_ids = ["sg-0bastion0123456789"]
  }
}

resource "aws_eks_node_group" "no_ssh" {
  cluster_name    = "prod"
  node_group_name = "no-ssh"
  node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
  subnet_ids      = ["subnet-0123456789abcdef0"]

  scaling_config {
    desired_size = 1
    max_size     = 1
    min_size     = 1
  }
}
