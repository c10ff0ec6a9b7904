resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = var.public_subnets
}

resource "aws_lb_listener" "plain" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "redirect_to_http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8080
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "80"
      protocol    = "HTTP"
      status_code = "HTTP_301"
    }
  }
}

# no protocol: an Application Load Balancer listener defaults to HTTP
resource "aws_lb_listener" "defaulted" {
  load_balancer_arn = aws_lb.web.arn
  port              = 81

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
