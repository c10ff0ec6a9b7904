variable "cidr" {}
data "aws_vpc" "v" {}

resource "aws_security_group_rule" "r" {
  cidr_blocks = [var.cidr]
  from_data   = data.aws_vpc.v.cidr_block
  func        = notafunction(1)
  cond        = var.cidr == "x" ? 1 : 2
  dyn_free    = length([var.cidr, "b"])
}

resource "aws_security_group" "dyn" {
  dynamic "ingress" {
    for_each = var.cidr
    content {
      cidr_blocks = [ingress.value]
    }
  }
}
