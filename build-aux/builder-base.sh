#!/bin/sh
# builder-base.sh NAME: the base image of docker/Dockerfile's builder stage,
# made here: Debian 12 (bookworm) minbase by mmdebstrap, from the archive this
# machine's apt is configured with, with the arm64 architecture added and the
# build packages preinstalled (install-deps.sh list build), imported into
# $IMAGE_TOOL (podman, or docker) as NAME.  Nothing is pulled from a registry.
# Made again only when the package list changes (the image's label
# minit.packages holds its hash).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { echo "usage: $0 NAME" >&2; exit 2; }
name=$1
tool=${IMAGE_TOOL:-podman}
pkgs=$(sh "$here/install-deps.sh" list build)
sum=$(printf '%s\n' "$pkgs" | sha256sum | cut -c1-16)

have=$($tool image inspect --format '{{ index .Config.Labels "minit.packages" }}' \
	"$name" 2>/dev/null || true)
if [ "$have" = "$sum" ]; then
	echo "builder-base: $name is up to date ($sum)" >&2
	exit 0
fi
# this machine's apt sources (one-line or deb822), as mmdebstrap takes them
set --
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    /etc/apt/sources.list.d/*.sources; do
	[ -s "$f" ] && set -- "$@" "$f"
done
[ $# -gt 0 ] || { echo "builder-base: no apt sources on this machine" >&2; exit 1; }
echo "builder-base: making $name (Debian 12, $(echo "$pkgs" | wc -w) packages)" >&2
# shellcheck disable=SC2086
mmdebstrap --quiet --variant=minbase --architectures=amd64,arm64 \
	--include="$(echo $pkgs | tr ' ' ,)" bookworm - "$@" |
	$tool import --change "LABEL minit.packages=$sum" \
	    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
	    - "$name" >/dev/null
echo "builder-base: $name ok" >&2
