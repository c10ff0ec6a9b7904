resource "aws_elasticsearch_domain" "logs" {
  domain_name           = "logs"
  elasticsearch_version = "6.3"
}

resource "aws_elasticsearch_domain" "defaulted" {
  domain_name = "defaulted"
}

resource "aws_opensearch_domain" "search" {
  domain_name    = "search"
  engine_version = "Elasticsearch_7.4"
}
