resource "azurerm_storage_account" "uploads" {
  name                       = "corpuploads"
  resource_group_name        = "web"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false
}

resource "azurerm_linux_web_app" "shop" {
  name                = "shop"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.web.id
  site_config {}
}

resource "azurerm_windows_function_app" "jobs" {
  name                = "jobs"
  resource_group_name = "web"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.web.id
  https_only          = false
  site_config {}
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled = true

  default_cache_behavior {
    target_origin_id       = "site"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "redirect-to-https"
  }

  ordered_cache_behavior {
    path_pattern           = "/api/*"
    target_origin_id       = "api"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    viewer_protocol_policy = "allow-all"
  }
}

resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"

  domain_endpoint_options {
    enforce_https = false
  }
}
