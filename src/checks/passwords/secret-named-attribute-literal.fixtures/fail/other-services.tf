resource "aws_dms_endpoint" "src" {
  endpoint_id   = "src"
  endpoint_type = "source"
  engine_name   = "mysql"
  username      = "dms"
  password      = "Dms-Endpoint-Pw1"
}
resource "aws_glue_connection" "jdbc" {
  name = "jdbc"
  connection_properties = {
    JDBC_CONNECTION_URL = "jdbc:mysql://db:3306/x"
    PASSWORD            = "Glue-Conn-Pw-22"
    USERNAME            = "glue"
  }
}
resource "aws_lightsail_database" "db" {
  relational_database_name = "db"
  master_database_name     = "app"
  master_password          = "Lightsail-Pw-33"
  master_username          = "owner"
  blueprint_id             = "mysql_8_0"
  bundle_id                = "micro_1_0"
}
