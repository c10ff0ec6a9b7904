resource "tls_private_key" "bastion" {
  algorithm = "ED25519"
}

resource "aws_key_pair" "bastion" {
  key_name   = "bastion"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5Wq bastion"
}

resource "aws_ssm_parameter" "doc" {
  name  = "/docs/key-format"
  type  = "String"
  value = "Keys start with -----BEGIN PRIVATE KEY----- ... and are stored in Secrets Manager"
}
