resource "azurerm_role_definition" "access_manager" {
  name  = "access-manager"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app"
  permissions {
    actions = [
      "Microsoft.Resources/subscriptions/resourceGroups/read",
      "Microsoft.Authorization/roleAssignments/write",
    ]
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/app"]
}

resource "azurerm_role_definition" "auth_all" {
  name  = "auth-all"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["Microsoft.Authorization/*"]
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
