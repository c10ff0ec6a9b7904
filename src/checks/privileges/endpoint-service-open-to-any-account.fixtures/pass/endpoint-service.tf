resource "aws_vpc_endpoint_service" "partners" {
  acceptance_required        = false
  allowed_principals         = ["arn:aws:iam::111122223333:root"]
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/partners/0123456789abcdef"]
}

# anyone may ask, but every connection waits for approval
resource "aws_vpc_endpoint_service" "reviewed" {
  acceptance_required        = true
  allowed_principals         = ["*"]
  network_load_balancer_arns = ["arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/net/reviewed/0123456789abcdef"]
}
