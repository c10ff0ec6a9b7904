# one data node: no traffic between nodes
resource "aws_elasticsearch_domain" "dev" {
  domain_name           = "dev"
  elasticsearch_version = "7.10"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.17"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 3
  }

  node_to_node_encryption {
    enabled = true
  }
}
