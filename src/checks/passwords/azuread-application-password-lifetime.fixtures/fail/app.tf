resource "azuread_application" "shop" {
  display_name = "shop-backend"
}

resource "azuread_application_password" "default_lifetime" {
  application_id = azuread_application.shop.id
  display_name   = "ci"
}

resource "azuread_application_password" "five_years" {
  application_id    = azuread_application.shop.id
  end_date_relative = "43800h"
}

resource "azuread_service_principal_password" "fixed_date" {
  service_principal_id = "00000000-0000-0000-0000-000000000001"
  start_date           = "2026-01-01T00:00:00Z"
  end_date             = "2029-01-01T00:00:00Z"
}
