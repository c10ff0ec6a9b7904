resource "kubernetes_cron_job_v1" "report" {
  metadata {
    name = "report"
  }

  spec {
    schedule = "0 3 * * *"

    job_template {
      metadata {}

      spec {
        template {
          metadata {}

          spec {
            container {
              name  = "report"
              image = "python:3.6-alpine"
            }
          }
        }
      }
    }
  }
}
