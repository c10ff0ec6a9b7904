import os

# credentials come from the environment, never from this file
DATABASE_URL = "postgres://app:${DB_PASSWORD}@db.internal/app"
EXAMPLE_KEY_ID = "AKIAIOSFODNN7EXAMPLE"  # the AWS documentation example
AWS_KEY_ID = os.environ["AWS_ACCESS_KEY_ID"]
