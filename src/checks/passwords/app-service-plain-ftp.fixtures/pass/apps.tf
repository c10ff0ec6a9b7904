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
