#!/usr/bin/env bash
# Renders an HTML forecast report in headless Chromium (Debian's `chromium` package) and saves a
# PNG screenshot, to check by eye that the self-contained report and its inline SVG charts draw.
#
#   Scripts/render_report_screenshot.sh [REPORT.html] [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: Examples/reports/support-assistant.html → /tmp/report.png at 1200x1600.
# Install the browser with: apt-get install -y chromium
set -euo pipefail
cd "$(dirname "$0")/.."
report="${1:-Examples/reports/support-assistant.html}"
out="${2:-/tmp/report.png}"
size="${3:-1200x1600}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "render_report_screenshot.sh: chromium not found (apt-get install -y chromium)" >&2
  exit 2
fi
[[ -f "$report" ]] || { echo "render_report_screenshot.sh: no such report: $report" >&2; exit 2; }
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --screenshot="$out" --window-size="${size/x/,}" "file://$(realpath "$report")" 2>/dev/null
echo "$out"
