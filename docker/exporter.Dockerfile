# syntax=docker/dockerfile:1
# IBM's zhmc-prometheus-exporter, installed from PyPI. IBM publishes no container image (the
# exporter's Dockerfile is meant as a starting point, exporter PR #299) and its own Dockerfile
# needs a locally built wheel, so this small one installs the released package instead.
#   docker build -f docker/exporter.Dockerfile -t zlens/zhmc-prometheus-exporter:2.3.3 docker
ARG PYTHON_IMAGE=python:3.12-slim-bookworm
FROM ${PYTHON_IMAGE}
ARG ZHMC_EXPORTER_VERSION=2.3.3
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN pip install "zhmc-prometheus-exporter==${ZHMC_EXPORTER_VERSION}" \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin zhmc
USER zhmc
EXPOSE 9291
# A TCP check, not GET /metrics: every scrape of the exporter is a "Get Metrics" call to the HMC.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30m --retries=3 \
  CMD ["python", "-c", "import socket; socket.create_connection(('127.0.0.1', 9291), 3).close()"]
ENTRYPOINT ["zhmc_prometheus_exporter"]
CMD ["-c", "/etc/zhmc/hmccreds.yaml", "--log", "stderr"]
