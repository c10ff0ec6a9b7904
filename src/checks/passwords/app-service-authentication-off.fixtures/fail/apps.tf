resource "azurerm_linux_web_app" "shop" {
  name                = "shop"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"
  site_config {}
}

resource "azurerm_app_service" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/serverfarms/plan"

  auth_settings {
    enabled = false
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                 = "jobs"
  location             = "westeurope"
  resource_group_name  = "rg-web"
  service_plan_id      = "/subscriptions/0000/serverfarms/plan"
  storage_account_name = "jobsstorage"
  site_config {}

  auth_settings_v2 {
    auth_enabled = false
    login {}
  }
}

variable "auth_on" {}

resource "azurerm_linux_function_app" "maybe" {
  name                 = "maybe"
  location             = "westeurope"
  resource_group_name  = "rg-web"
  service_plan_id      = "/subscriptions/0000/serverfarms/plan"
  storage_account_name = "maybestorage"
  site_config {}

  auth_settings_v2 {
    auth_enabled = var.auth_on
    login {}
  }
}
