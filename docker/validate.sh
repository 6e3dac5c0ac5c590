#!/usr/bin/env sh
# Validates the deployment files without a Docker engine (CI runs this):
#   1. dclint (npm) lints compose.yaml against the Compose spec schema and its rules (.dclintrc);
#      warnings fail too.
#   2. `docker compose config` (Compose v2) for each profile when present; otherwise Debian's
#      docker-compose 1.x when present, on a copy without the top-level `name:` (v1 predates it).
#   3. promtool check config prometheus/prometheus.yml with its rules, and promtool test rules
#      (zlens' alerting rules, every alert with cases that fire and cases that do not); amtool
#      check-config alertmanager/alertmanager.yml.
#   4. node check-files.mjs: build files, targets, mounts, non-root users, healthchecks, targets.
# Needs Node 20, the npm registry (or a warm npx cache) for dclint, promtool and amtool.
# Dockerfiles are not linted: hadolint is not on npm, and dockerfilelint 1.8 misreads ARG-based
# FROM and HEALTHCHECK --start-period.
set -eu
cd "$(dirname "$0")"
DCLINT_VERSION=3.1.0

echo "validate: dclint ${DCLINT_VERSION} compose.yaml"
npx --yes "dclint@${DCLINT_VERSION}" --config .dclintrc --max-warnings 0 compose.yaml

if docker compose version >/dev/null 2>&1; then
  for profile in site demo; do
    echo "validate: docker compose config --profile ${profile}"
    docker compose -f compose.yaml --profile "${profile}" config --quiet
  done
elif command -v docker-compose >/dev/null 2>&1; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "${tmp}"' EXIT
  sed '/^name: /d' compose.yaml > "${tmp}/compose.yaml"
  for profile in site demo; do
    echo "validate: docker-compose $(docker-compose version --short) config --profile ${profile}"
    docker-compose -f "${tmp}/compose.yaml" --project-directory . -p zlens --profile "${profile}" config --quiet
  done
else
  echo "validate: no docker compose / docker-compose here, skipped (dclint checked the schema)"
fi

# promtool and amtool are required: `pnpm test` installs Debian's prometheus and
# prometheus-alertmanager first (.ci/system-deps).
echo "validate: promtool check config prometheus/prometheus.yml (and its rule files)"
promtool check config prometheus/prometheus.yml
echo "validate: promtool test rules prometheus/tests/*.test.yml"
promtool test rules prometheus/tests/*.test.yml

echo "validate: amtool check-config alertmanager/alertmanager.yml"
amtool check-config alertmanager/alertmanager.yml

echo "validate: check-files.mjs"
node check-files.mjs
echo "validate: ok"
