#!/bin/sh
# Renders the seed notification (its approved golden files, English and Japanese) into a page that looks
# like webmail, with a proportional font, and takes screenshots with headless Chromium:
#   docs/webmail-seed.en.png  docs/webmail-seed.ja.png
# Usage: scripts/webmail-screenshot.sh [chromium binary]. Needs python3, chromium, fonts-liberation and
# fonts-noto-cjk. Nothing leaves the machine: the page is a local file and background networking is off.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
chromium=${1:-${CHROMIUM:-chromium}}
golden="$root/test/CloudTrailNotifier.Tests/Golden/Approved"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

shoot() {
  language=$1 height=$2
  python3 "$root/scripts/webmail-page.py" "$golden/secretsmanager-get-secret-value.$language.approved.txt" "$language" > "$work/$language.html"
  mkdir "$work/profile-$language"
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$language" --hide-scrollbars --window-size="860,$height" \
    --screenshot="$root/docs/webmail-seed.$language.png" "file://$work/$language.html" 2>"$work/chromium-$language.log" \
    || { cat "$work/chromium-$language.log" >&2; exit 1; }
  echo "docs/webmail-seed.$language.png"
}

mkdir -p "$root/docs"
shoot en 1230
shoot ja 1290
