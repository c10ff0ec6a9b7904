resource "azuread_application" "shop" {
  display_name = "shop-backend"
}

resource "time_rotating" "quarterly" {
  rotation_days = 90
}

resource "azuread_application_password" "rotated" {
  application_id    = azuread_application.shop.id
  end_date_relative = "2160h"
  rotate_when_changed = {
    rotation = time_rotating.quarterly.id
  }
}

resource "azuread_service_principal_password" "dated" {
  service_principal_id = "00000000-0000-0000-0000-000000000001"
  start_date           = "2026-11-01T00:00:00Z"
  end_date             = "2027-05-01T00:00:00Z"
}
