resource "aws_iam_server_certificate" "legacy" {
  name             = "legacy-cert"
  certificate_body = file("cert.pem")
  private_key      = <<-PEM
    -----BEGIN RSA PRIVATE KEY-----
    MIIEowIBAAKCAQEAx3pQ8vL2mN5kR7tW9zY1bC4dF6gH8jK0lM2nP4qS6uV8wX0y
    Z2aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2o
    P4qR6sT8uV0wX2yZ4aB6cD8eF0gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB2cD4e
    -----END RSA PRIVATE KEY-----
  PEM
}
