module "uploads" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket                  = "team-uploads"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# without attach_public_policy the module creates no public access block: the bucket keeps S3's defaults
module "static" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket               = "static-assets"
  attach_public_policy = false
  block_public_policy  = false
}

# settings the module call leaves out are not judged (their defaults depend on the module version)
module "defaults" {
  source  = "terraform-aws-modules/s3-bucket/aws"
  version = "4.1.2"

  bucket = "defaults"
}
