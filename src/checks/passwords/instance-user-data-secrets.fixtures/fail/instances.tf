resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export DB_PASSWORD="Winter2024!"
    /opt/app/start --db-host db.internal
  EOT
}

resource "google_compute_instance" "worker" {
  name         = "worker"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }
  network_interface {
    network = "default"
  }
  metadata_startup_script = "curl -fsS https://deploy:Dep10y-Pa55@artifacts.acme.example/worker.sh | bash"
}
