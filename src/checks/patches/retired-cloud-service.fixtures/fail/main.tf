resource "azurerm_mysql_server" "legacy" {
  name                = "legacy-mysql"
  location            = "westeurope"
  resource_group_name = "rg"
  sku_name            = "GP_Gen5_2"
  version             = "8.0"
}

resource "azurerm_postgresql_server" "legacy" {
  name                = "legacy-pg"
  location            = "westeurope"
  resource_group_name = "rg"
  sku_name            = "GP_Gen5_2"
  version             = "11"
}

resource "aws_opsworks_stack" "ops" {
  name                         = "ops"
  region                       = "eu-west-1"
  service_role_arn             = "arn:aws:iam::123456789012:role/opsworks"
  default_instance_profile_arn = "arn:aws:iam::123456789012:instance-profile/opsworks"
}
