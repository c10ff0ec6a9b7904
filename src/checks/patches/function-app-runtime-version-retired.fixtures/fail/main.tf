resource "azurerm_windows_function_app" "v3" {
  name                        = "v3"
  location                    = "westeurope"
  resource_group_name         = "rg"
  service_plan_id             = "plan"
  storage_account_name        = "sa"
  functions_extension_version = "~3"

  site_config {}
}

resource "azurerm_function_app" "legacy_default" {
  name                       = "legacy-default"
  location                   = "westeurope"
  resource_group_name        = "rg"
  app_service_plan_id        = "plan"
  storage_account_name       = "sa"
  storage_account_access_key = "placeholder"
}
