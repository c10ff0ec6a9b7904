FROM python:3.12-slim AS base
USER 0:0
RUN pip install --no-cache-dir flask

FROM base AS runtime
COPY app.py /app/app.py
CMD ["python", "/app/app.py"]
