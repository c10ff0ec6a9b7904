resource "azurerm_linux_web_app" "shop" {
  name                = "shop"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"
  https_only          = true

  site_config {
    ftps_state = "Disabled"
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                = "jobs"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"

  site_config {
    ftps_state = "FtpsOnly"
  }
}

resource "azurerm_linux_function_app" "worker" {
  name                = "worker"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"

  site_config {}
}

resource "azurerm_function_app" "legacy_worker" {
  name                = "legacy-worker"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/serverfarms/plan"

  site_config {
    ftps_state = "Disabled"
  }
}
