resource "aws_msk_cluster" "disabled" {
  cluster_name           = "disabled"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1", "subnet-0b2", "subnet-0c3"]
    security_groups = ["sg-0123"]

    connectivity_info {
      public_access {
        type = "DISABLED"
      }
    }
  }
}

resource "aws_msk_cluster" "default" {
  cluster_name           = "default"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3

  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0a1", "subnet-0b2", "subnet-0c3"]
    security_groups = ["sg-0123"]
  }
}
