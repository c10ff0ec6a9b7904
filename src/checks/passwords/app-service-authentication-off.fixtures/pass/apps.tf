resource "azurerm_linux_web_app" "shop" {
  name                = "shop"
  resource_group_name = "rg-web"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/serverfarms/plan"
  site_config {}

  auth_settings_v2 {
    auth_enabled           = true
    require_authentication = true
    active_directory_v2 {
      client_id            = "00000000-0000-0000-0000-000000000000"
      tenant_auth_endpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0"
    }
    login {}
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "legacy"
  location            = "westeurope"
  resource_group_name = "rg-web"
  app_service_plan_id = "/subscriptions/0000/serverfarms/plan"

  auth_settings {
    enabled = true
    active_directory {
      client_id = "00000000-0000-0000-0000-000000000000"
    }
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                 = "jobs"
  location             = "westeurope"
  resource_group_name  = "rg-web"
  service_plan_id      = "/subscriptions/0000/serverfarms/plan"
  storage_account_name = "jobsstorage"
  site_config {}

  # v1 settings left off, v2 on: the app is authenticated
  auth_settings {
    enabled = false
  }
  auth_settings_v2 {
    auth_enabled = true
    login {}
  }
}
