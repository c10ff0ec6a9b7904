data "azurerm_subscription" "primary" {}

resource "azurerm_role_definition" "super" {
  name  = "super-operator"
  scope = data.azurerm_subscription.primary.id
  permissions {
    actions     = ["*"]
    not_actions = []
  }
  assignable_scopes = [data.azurerm_subscription.primary.id]
}

resource "azurerm_role_definition" "literal" {
  name  = "literal-admin"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = [
      "Microsoft.Resources/subscriptions/resourceGroups/read",
      "*",
    ]
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
