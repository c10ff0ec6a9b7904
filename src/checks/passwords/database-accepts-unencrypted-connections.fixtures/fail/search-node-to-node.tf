resource "aws_elasticsearch_domain" "logs" {
  domain_name           = "logs"
  elasticsearch_version = "7.10"

  cluster_config {
    instance_type  = "r6g.large.elasticsearch"
    instance_count = 3
  }
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.17"

  cluster_config {
    instance_type  = "r6g.large.search"
    instance_count = 2
  }

  node_to_node_encryption {
    enabled = false
  }
}
