variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "admin_cidrs" {
  description = "Who may SSH to the bastion. Left wide open \"temporarily\"."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "db_password" {
  description = "Master password of the orders database"
  type        = string
  default     = "Summer2024!"
}
