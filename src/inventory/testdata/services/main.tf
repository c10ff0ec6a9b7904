variable "pg_version" {}

resource "aws_db_instance" "orders" {
  engine         = "postgres"
  engine_version = "11.22"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "unknown" {
  engine         = "postgres"
  engine_version = var.pg_version
}

resource "aws_eks_cluster" "main" {
  name     = "main"
  version  = "1.24"
  role_arn = "arn:aws:iam::123456789012:role/eks"
}

resource "aws_lambda_function" "thumbs" {
  function_name = "thumbs"
  runtime       = "python3.8"
  handler       = "app.handler"
  role          = "arn:aws:iam::123456789012:role/lambda"
}

resource "azurerm_kubernetes_cluster" "aks" {
  name               = "aks"
  kubernetes_version = "1.26.6"
  default_node_pool {
    name                 = "default"
    orchestrator_version = "1.26.6"
  }
}

resource "google_container_cluster" "gke" {
  name               = "gke"
  min_master_version = "1.27.3-gke.100"
  node_version       = "latest"
}
