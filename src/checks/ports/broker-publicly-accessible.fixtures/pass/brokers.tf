resource "aws_mq_broker" "events" {
  broker_name         = "events"
  engine_type         = "ActiveMQ"
  engine_version      = "5.18"
  host_instance_type  = "mq.t3.micro"
  publicly_accessible = false
  subnet_ids          = ["subnet-0123456789abcdef0"]
}

resource "aws_dms_replication_instance" "migrate" {
  replication_instance_id    = "migrate"
  replication_instance_class = "dms.t3.medium"
}
