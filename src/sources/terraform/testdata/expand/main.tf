variable "names" {
  default = {
    a = "alpha"
    b = "beta"
  }
}
variable "n" {}

resource "aws_instance" "web" {
  count = 2
  tags = {
    Name = "web-${count.index}"
  }
}

resource "aws_s3_bucket" "b" {
  for_each = var.names
  bucket   = "${each.key}-${each.value}"
}

resource "aws_s3_bucket" "s" {
  for_each = toset(["x", "y"])
  bucket   = each.value
}

resource "aws_instance" "unknown_count" {
  count = var.n
  name  = "u-${count.index}"
}

resource "aws_eip" "ip" {
  instance = aws_instance.web[1].id
  first    = aws_instance.web[0].tags.Name
  all      = aws_instance.web[*].tags.Name
  bucket   = aws_s3_bucket.b["a"].bucket
}
