resource "azurerm_app_service" "windows" {
  name                = "windows"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    php_version    = "7.3"
    python_version = "3.4"
  }
}

resource "azurerm_app_service" "dotnet6" {
  name                = "dotnet6"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    dotnet_framework_version = "v6.0"
  }
}
