resource "azurerm_linux_function_app" "default" {
  name                 = "default"
  location             = "westeurope"
  resource_group_name  = "rg"
  service_plan_id      = "plan"
  storage_account_name = "sa"

  site_config {}
}

resource "azurerm_function_app" "v4" {
  name                 = "v4"
  location             = "westeurope"
  resource_group_name  = "rg"
  app_service_plan_id  = "plan"
  storage_account_name = "sa"
  version              = "~4"
}
