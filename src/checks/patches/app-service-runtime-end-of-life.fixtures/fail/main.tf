resource "azurerm_linux_web_app" "web" {
  name                = "web"
  location            = "westeurope"
  resource_group_name = "rg"
  service_plan_id     = "plan"

  site_config {
    application_stack {
      python_version = "3.8"
    }
  }
}

resource "azurerm_windows_function_app" "fn" {
  name                = "fn"
  location            = "westeurope"
  resource_group_name = "rg"
  service_plan_id     = "plan"

  site_config {
    application_stack {
      node_version = "~14"
    }
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    linux_fx_version = "PHP|7.4"
  }
}
