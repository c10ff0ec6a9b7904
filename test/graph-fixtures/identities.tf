resource "aws_iam_role" "irsa" {
  name               = "orders-irsa"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "pod_identity" {
  name               = "billing-pod-identity"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "fn" {
  name               = "fn-exec"
  assume_role_policy = "{}"
}

resource "aws_eks_pod_identity_association" "billing" {
  cluster_name    = "prod"
  namespace       = "billing"
  service_account = "biller"
  role_arn        = aws_iam_role.pod_identity.arn
}

resource "aws_lambda_function" "fn" {
  function_name = "resize"
  role          = aws_iam_role.fn.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "fn.zip"
}

resource "google_service_account" "worker" {
  account_id = "worker"
}

resource "google_compute_instance" "worker" {
  name         = "worker"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params { image = "debian-cloud/debian-12" }
  }
  network_interface { network = "default" }
  service_account {
    email  = google_service_account.worker.email
    scopes = ["cloud-platform"]
  }
}
