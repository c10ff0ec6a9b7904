resource "azurerm_resource_group" "app" {
  name     = "app"
  location = "westeurope"
}

resource "azurerm_role_definition" "rg_operator" {
  name  = "rg-operator"
  scope = azurerm_resource_group.app.id
  permissions {
    actions = ["*"]
  }
  assignable_scopes = [azurerm_resource_group.app.id]
}

resource "azurerm_role_definition" "vm_reader" {
  name  = "vm-reader"
  scope = "/subscriptions/00000000-0000-0000-0000-000000000000"
  permissions {
    actions = ["Microsoft.Compute/virtualMachines/read"]
  }
  assignable_scopes = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
}
