variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "admin_cidrs" {
  description = "Corporate VPN egress ranges allowed to reach the bastion"
  type        = list(string)
  default     = ["198.51.100.0/24"]
}

variable "db_password" {
  description = "Injected by the pipeline from the secrets manager; never committed"
  type        = string
  sensitive   = true
}
