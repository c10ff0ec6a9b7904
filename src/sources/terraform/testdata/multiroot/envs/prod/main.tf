module "app" {
  source = "../../modules/app"
  env    = "prod"
}
