#!/usr/bin/env bash
# Installs what the report's real-browser tests (tests/Pcf.Accounting.Reporting.Tests/Browser) need, when it is absent:
# Debian's Chromium (/usr/bin/chromium, which Playwright launches: it never downloads a browser of its own) and a small
# CJK font so that the Chinese reports' screenshots show their labels. Run as root or with sudo; needs apt.
#
#     bash eng/install-browser.sh
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
# (grep reads all of fc-list: with -q it would stop early and pipefail would count the broken pipe as "not found")
fc-list 2>/dev/null | grep -iE "CJK|WenQuanYi|Noto Sans SC" >/dev/null || packages+=(fonts-wqy-microhei)

if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${packages[*]} (for the report's browser tests)"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# Debian's wrapper script prints a harmless shell warning on some machines; the version line is what counts.
/usr/bin/chromium --version 2>/dev/null
