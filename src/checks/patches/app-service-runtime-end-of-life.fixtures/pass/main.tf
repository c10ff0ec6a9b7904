resource "azurerm_linux_web_app" "web" {
  name                = "web"
  location            = "westeurope"
  resource_group_name = "rg"
  service_plan_id     = "plan"

  site_config {
    application_stack {
      python_version = "3.13"
    }
  }
}

resource "azurerm_windows_web_app" "framework" {
  name                = "framework"
  location            = "westeurope"
  resource_group_name = "rg"
  service_plan_id     = "plan"

  site_config {
    application_stack {
      current_stack  = "dotnet"
      dotnet_version = "v4.0"
    }
  }
}

resource "azurerm_app_service" "container" {
  name                = "container"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    linux_fx_version = "DOCKER|nginx:1.27"
  }
}

resource "azurerm_app_service" "framework" {
  name                = "framework"
  location            = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan"

  site_config {
    dotnet_framework_version = "v4.0"
  }
}
