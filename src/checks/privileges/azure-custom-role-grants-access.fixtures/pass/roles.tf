resource "azurerm_role_definition" "reader_plus" {
  name  = "reader-plus"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions     = ["Microsoft.Authorization/*/read", "Microsoft.Compute/virtualMachines/start/action"]
    not_actions = []
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}

resource "azurerm_role_definition" "auth_minus_write" {
  name  = "auth-minus-write"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions     = ["Microsoft.Authorization/*"]
    not_actions = ["Microsoft.Authorization/*/write", "Microsoft.Authorization/elevateAccess/Action"]
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
