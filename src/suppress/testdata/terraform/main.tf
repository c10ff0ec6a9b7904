resource "aws_security_group" "bastion" {
  # tetrad:ignore TEST-TF-001 reason="bastion, reviewed" expires=2099-03-01
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

// tetrad:ignore TEST-TF-001 reason="public web tier"
resource "aws_security_group" "web" {
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] /* a block comment is not a directive: tetrad:ignore TEST-TF-002 reason="x" */
  }
}

resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # tetrad:ignore TEST-TF-002 reason="same line, other check"
  }
}
