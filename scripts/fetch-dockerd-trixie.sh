#!/usr/bin/env bash
# Unpacks dockerd from Debian trixie's docker.io (Docker Engine 26) into tools/dockerd-trixie/, for the
# tests that run the image cache on Docker's containerd image store (test/support/docker-engine.ts).
# apt fetches it with its own signature checks from a private sources list, lists and cache, so nothing on
# the machine changes: no source is added and nothing is installed. It runs on bookworm's containerd and
# runc, which .ci/run installs with docker.io.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=tools/dockerd-trixie
if [ ! -x "$dest/usr/sbin/dockerd" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
    > "$work/sources.list"
  apt_private=(
    -o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root"
  )
  apt-get "${apt_private[@]}" update -qq
  (cd "$work" && apt-get "${apt_private[@]}" download -qq docker.io)
  rm -rf "$dest.partial"
  dpkg-deb -x "$work"/docker.io_*.deb "$dest.partial"
  mv "$dest.partial" "$dest"
fi
"$dest/usr/sbin/dockerd" --version
