module "workers" {
  source  = "terraform-aws-modules/autoscaling/aws"
  version = "3.9.0"

  name             = "workers"
  image_id         = "ami-0abcdef1234567890"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKeXVtIHVwZGF0ZSAteQo="
}
