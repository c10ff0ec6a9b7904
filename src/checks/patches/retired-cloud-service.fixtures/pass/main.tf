resource "azurerm_mysql_flexible_server" "db" {
  name                = "db"
  location            = "westeurope"
  resource_group_name = "rg"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.0.21"
}

resource "azurerm_app_service_environment_v3" "ase" {
  name                = "ase"
  resource_group_name = "rg"
  subnet_id           = "subnet"
}
