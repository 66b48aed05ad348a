#!/usr/bin/env bash
# Brings in everything the tests need that `npm ci` does not: the one list of it. `npm test` runs it first
# (the `pretest` script) and `.ci/run` calls it as its own phase; on a machine that has everything it only
# checks, in about a second. Each missing piece is installed, or the script stops naming what is missing and
# why it could not be installed: no test is skipped for want of a tool.
#   - Debian packages: Docker engine (docker.io, containerd, runc, iptables), the CNCF registry
#     (docker-registry), a static busybox to build test images from, zstd (what @actions/cache compresses
#     with on GitHub's runners), Chromium for the browser tests, PostgreSQL for the database tests;
#   - Docker Engine 26 from Debian trixie, unpacked into tools/dockerd-trixie (containerd image store tests);
#   - Node 24, the runtime GitHub runs actions on, in tools/node24 (the bundled action's end-to-end tests).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(docker.io containerd runc iptables docker-registry busybox-static zstd chromium postgresql)
# A command or file each package provides; a package is installed when its probe is missing.
declare -A probe=(
  [docker.io]=dockerd [containerd]=containerd [runc]=runc [iptables]=iptables
  [docker-registry]=docker-registry [busybox-static]=/bin/busybox [zstd]=zstd [chromium]=/usr/bin/chromium
  [postgresql]=/usr/lib/postgresql/15/bin/initdb
)
missing=()
for package in "${apt_packages[@]}"; do
  what=${probe[$package]}
  if [[ $what == /* ]]; then [ -x "$what" ] || missing+=("$package"); else command -v "$what" >/dev/null || missing+=("$package"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "setup: cannot install ${missing[*]}: needs root and apt-get (Debian 12). Install them, then run npm test again." >&2
    exit 1
  fi
  # No init system here: keep apt from trying to start the services it installs.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

bash scripts/fetch-dockerd-trixie.sh >/dev/null

node24=tools/node24/node_modules/.bin/node
if [ ! -x "$node24" ] || ! "$node24" --version >/dev/null 2>&1; then
  echo "setup: installing Node 24 into tools/node24"
  npm ci --prefix tools/node24 --no-audit --no-fund >/dev/null
fi
echo "setup: ready (dockerd $(dockerd --version | sed -E 's/.*version ([^,]+).*/\1/'), trixie dockerd $(tools/dockerd-trixie/usr/sbin/dockerd --version | sed -E 's/.*version ([^,]+).*/\1/'), Node 24 $("$node24" --version), $(/usr/bin/chromium --version 2>/dev/null | head -1), PostgreSQL $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}'))"
