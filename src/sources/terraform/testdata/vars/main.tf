variable "from_default" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_file" {
  default = "default"
}
variable "from_cli" {
  default = "default"
}
variable "ports" {
  type    = list(number)
  default = []
}
variable "port" {
  type = number
}
variable "name" {
  type = string
}
variable "unset" {}

resource "null_resource" "v" {
  triggers = {
    from_default = var.from_default
    from_tfvars  = var.from_tfvars
    from_auto    = var.from_auto
    from_file    = var.from_file
    from_cli     = var.from_cli
    ports        = jsonencode(var.ports)
    port         = var.port
    name         = var.name
  }
  unset = var.unset
  unset_in_template = "x-${var.unset}"
}
