resource "azurerm_linux_web_app" "shop" {
  name                = "shop"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"
  https_only          = true

  site_config {
    ftps_state = "AllAllowed"
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/serverfarms/plan"

  site_config {
    dotnet_framework_version = "v4.0"
    ftps_state               = "AllAllowed"
  }
}

resource "azurerm_function_app" "worker" {
  name                       = "worker"
  location                   = "westeurope"
  resource_group_name        = "rg-web"
  app_service_plan_id        = "/subscriptions/0000/serverfarms/plan"
  storage_account_name       = "workerstorage"
  storage_account_access_key = var.storage_key
}
