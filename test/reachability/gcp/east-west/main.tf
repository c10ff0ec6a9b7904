# Inside one VPC: db admits web (by source tag) on 5432; every instance admits the web subnet's
# range on 8080; db may send nothing (egress deny), so its flows to others are cut.
resource "google_compute_network" "vpc" {
  name = "prod"
}

resource "google_compute_subnetwork" "web" {
  name          = "web"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.0.1.0/24"
}

resource "google_compute_subnetwork" "data" {
  name          = "data"
  network       = google_compute_network.vpc.id
  ip_cidr_range = "10.0.2.0/24"
}

resource "google_compute_firewall" "db-from-web" {
  name        = "db-from-web"
  network     = google_compute_network.vpc.name
  source_tags = ["web"]
  target_tags = ["db"]
  allow {
    protocol = "tcp"
    ports    = ["5432"]
  }
}

resource "google_compute_firewall" "from-web-subnet" {
  name          = "from-web-subnet"
  network       = google_compute_network.vpc.name
  source_ranges = ["10.0.1.0/24"]
  allow {
    protocol = "tcp"
    ports    = ["8080"]
  }
}

resource "google_compute_firewall" "db-no-egress" {
  name               = "db-no-egress"
  network            = google_compute_network.vpc.name
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  target_tags        = ["db"]
  deny {
    protocol = "all"
  }
}

resource "google_compute_instance" "web" {
  name         = "web"
  machine_type = "e2-small"
  tags         = ["web"]
  network_interface {
    subnetwork = google_compute_subnetwork.web.id
  }
}

resource "google_compute_instance" "batch" {
  name         = "batch"
  machine_type = "e2-small"
  network_interface {
    subnetwork = google_compute_subnetwork.data.id
  }
}

resource "google_compute_instance" "db" {
  name         = "db"
  machine_type = "e2-small"
  tags         = ["db"]
  network_interface {
    subnetwork = google_compute_subnetwork.data.id
  }
}
