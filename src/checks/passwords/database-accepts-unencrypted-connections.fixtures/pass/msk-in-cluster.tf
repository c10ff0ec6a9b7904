# no encryption_in_transit block: clients and brokers use TLS by default
resource "aws_msk_cluster" "defaults" {
  cluster_name           = "events"
  kafka_version          = "3.8.x"
  number_of_broker_nodes = 3
}

resource "aws_msk_cluster" "explicit" {
  cluster_name           = "audit"
  kafka_version          = "3.8.x"
  number_of_broker_nodes = 3

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}
