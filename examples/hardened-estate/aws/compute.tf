data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "bastion" {
  name               = "${var.environment}-bastion"
  assume_role_policy = data.aws_iam_policy_document.assume_ec2.json
}

resource "aws_iam_role_policy" "bastion_ssm" {
  name = "read-own-parameters"
  role = aws_iam_role.bastion.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameter", "ssm:GetParameters"]
        Resource = "arn:aws:ssm:eu-west-1:111122223333:parameter/${var.environment}/bastion/*"
      }
    ]
  })
}

resource "aws_iam_instance_profile" "bastion" {
  name = "${var.environment}-bastion"
  role = aws_iam_role.bastion.name
}

resource "aws_instance" "bastion" {
  ami                         = "ami-0a8e758f5e873d1c1"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = false
  vpc_security_group_ids      = [aws_security_group.bastion.id]
  iam_instance_profile        = aws_iam_instance_profile.bastion.name

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_lambda_function" "thumbnails" {
  function_name = "${var.environment}-thumbnails"
  role          = aws_iam_role.bastion.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "thumbnails.zip"
}
