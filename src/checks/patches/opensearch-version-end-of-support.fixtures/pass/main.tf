resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "OpenSearch_2.19"
}

resource "aws_opensearch_domain" "latest" {
  domain_name = "latest"
}

resource "aws_elasticsearch_domain" "es710" {
  domain_name           = "es710"
  elasticsearch_version = "7.10"
}
