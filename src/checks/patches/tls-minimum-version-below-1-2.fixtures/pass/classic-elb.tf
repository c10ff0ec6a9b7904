resource "aws_load_balancer_policy" "modern" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "modern"
  policy_type_name   = "SSLNegotiationPolicyType"

  policy_attribute {
    name  = "Reference-Security-Policy"
    value = "ELBSecurityPolicy-TLS-1-2-2017-01"
  }

  policy_attribute {
    name  = "Protocol-TLSv1"
    value = "false"
  }
}

# not a negotiation policy: its attributes are not protocols
resource "aws_load_balancer_policy" "pubkey" {
  load_balancer_name = aws_elb.web.name
  policy_name        = "pubkey"
  policy_type_name   = "PublicKeyPolicyType"

  policy_attribute {
    name  = "PublicKey"
    value = "MIIBIjANBg"
  }
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"
}

# a private custom domain name: TLS 1.2 is the only policy it takes
resource "aws_api_gateway_domain_name" "internal" {
  domain_name     = "api.internal.example.com"
  certificate_arn = aws_acm_certificate.internal.arn

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
