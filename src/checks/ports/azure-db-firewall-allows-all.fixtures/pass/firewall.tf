resource "azurerm_mssql_firewall_rule" "office" {
  name             = "office"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1"
  start_ip_address = "203.0.113.10"
  end_ip_address   = "203.0.113.20"
}

resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}
