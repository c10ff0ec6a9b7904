# literal values and nested blocks
resource "aws_security_group" "web" {
  name        = "web"
  description = "web tier"
  port_count  = 2
  ratio       = 1.5
  enabled     = true
  nothing     = null
  cidrs = [
    "10.0.0.0/8",
    "0.0.0.0/0",
  ]
  tags = {
    Name  = "web"
    "env" = "prod"
  }
  user_data = <<-EOT
    #!/bin/sh
    echo "hi"
  EOT
  raw = <<EOT
keep
  indent
EOT
  escaped = "a\"b\\c\n$${literal}"

  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 443
    to_port   = 443
  }
}

data "aws_ami" "ubuntu" {
  most_recent = true
}

provider "aws" {
  region     = "us-east-1"
}

provider "aws" {
  alias  = "west"
  region = "us-west-2"
}

resource "azurerm_network_security_group" "nsg" {
  name = "nsg"
}

resource "google_compute_firewall" "fw" {
  name = "fw"
}

resource "kubernetes_pod" "p" {
  metadata {
    name = "p"
  }
}

resource "random_password" "pw" {
  length = 16
}
