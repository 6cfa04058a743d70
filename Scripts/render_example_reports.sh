#!/usr/bin/env bash
# Regenerates Examples/reports/ from Examples/workloads/ with the built `preflight`
# (the CLI tests check that the committed reports are current).
#
#   Scripts/render_example_reports.sh [PATH/TO/preflight]
set -euo pipefail
cd "$(dirname "$0")/.."
preflight="${1:-.build/debug/preflight}"
workload=Examples/workloads/support-assistant.json
for ext in md html json csv; do
  "$preflight" forecast "$workload" --output "Examples/reports/support-assistant.$ext"
done
for ext in md html; do
  "$preflight" forecast "$workload" --reconcile Examples/workloads/usage-2027-01-01.jsonl \
    --output "Examples/reports/support-assistant-reconciled.$ext"
done
ls -1 Examples/reports
