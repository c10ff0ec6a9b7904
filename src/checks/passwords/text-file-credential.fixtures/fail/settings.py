import os

DATABASES = {
    "default": "postgres://reporting:Rq7-Lm2x-Vb9z@db.internal:5432/reports",
}
SLACK_BOT = "xoxb-2471889350-9fK2xQ7wLm4zVb8N3cT6"
