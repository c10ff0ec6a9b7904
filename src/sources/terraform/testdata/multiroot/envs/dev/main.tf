module "app" {
  source = "../../modules/app"
  env    = "dev"
}
