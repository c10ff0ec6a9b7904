variable "client_secret" {
  type      = string
  sensitive = true
}

provider "aws" {
  region  = "eu-west-1"
  profile = "deploy"
  assume_role {
    role_arn = "arn:aws:iam::123456789012:role/terraform"
  }
}

provider "azurerm" {
  features {}
  use_oidc      = true
  client_secret = var.client_secret
}

provider "google" {
  project     = "acme-prod"
  region      = "europe-west1"
  credentials = "/var/run/secrets/gcp/key.json"
}
