provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAZ7QX3K2LM4NOPQRS"
  secret_key = "q8Vn2Lk5Xw9Tz3Rb7Mc1Hd4Fs6Gp0Ya8Je2Ku5W"
}

provider "azurerm" {
  features {}
  subscription_id = "00000000-0000-0000-0000-000000000000"
  tenant_id       = "11111111-1111-1111-1111-111111111111"
  client_id       = "22222222-2222-2222-2222-222222222222"
  client_secret   = var.client_secret
}

variable "client_secret" {
  type    = string
  default = "Zq8~Lm3.Nv7_Xp2-Rt5Wk9Bc4Hd6Fj1Gs0Ya"
}

provider "aws" {
  alias  = "backup"
  region = "eu-central-1"
  token  = "FwoGZXIvYXdzEBYaDHx7Lk2Mn9Pq4Rs8TvWxYz"
}
