resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  acl    = "public-read"
}

resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read-write"
}

resource "aws_s3_bucket_acl" "shared" {
  bucket = "example-shared"
  access_control_policy {
    owner {
      id = "abc123"
    }
    grant {
      grantee {
        type = "CanonicalUser"
        id   = "abc123"
      }
      permission = "FULL_CONTROL"
    }
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }
  }
}

resource "aws_s3_bucket" "v3_grants" {
  bucket = "example-v3"
  grant {
    id          = "abc123"
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }
  grant {
    type        = "Group"
    permissions = ["READ", "WRITE"]
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers"
  }
}
