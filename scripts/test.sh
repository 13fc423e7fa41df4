#!/usr/bin/env bash
# Runs every test of the repository on a fresh clone. It installs Azurite from the npm lockfile and starts
# it on free loopback ports with in-memory storage. Then it builds, runs all test projects and stops Azurite.
# It exits non-zero when a build step or a test fails. Extra arguments go to 'dotnet test' (e.g. --filter).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
azurite_pid=""

cleanup() {
  if [[ -n "$azurite_pid" ]] && kill -0 "$azurite_pid" 2>/dev/null; then
    kill "$azurite_pid" 2>/dev/null || true
    wait "$azurite_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "==> Installing Azurite from package-lock.json"
npm ci --no-audit --no-fund --loglevel=error

if [[ -x scripts/prepare-tools.sh ]]; then
  echo "==> Preparing build tools"
  scripts/prepare-tools.sh
fi

echo "==> Starting Azurite on free loopback ports (in memory, telemetry off)"
node node_modules/azurite/dist/src/azurite.js --inMemoryPersistence --disableTelemetry --skipApiVersionCheck --loose \
  --blobHost 127.0.0.1 --blobPort 0 --queueHost 127.0.0.1 --queuePort 0 --tableHost 127.0.0.1 --tablePort 0 \
  >"$work/azurite.log" 2>&1 &
azurite_pid=$!

port_of() { grep -oE "Azurite $1 service is successfully listening at http://127.0.0.1:[0-9]+" "$work/azurite.log" | grep -oE '[0-9]+$' || true; }
for _ in $(seq 1 120); do
  if [[ -n "$(port_of Blob)" && -n "$(port_of Queue)" && -n "$(port_of Table)" ]]; then break; fi
  if ! kill -0 "$azurite_pid" 2>/dev/null; then echo "Azurite exited:"; cat "$work/azurite.log"; exit 1; fi
  sleep 0.5
done
if [[ -z "$(port_of Table)" ]]; then echo "Azurite did not start within 60 s:"; cat "$work/azurite.log"; exit 1; fi

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
account=devstoreaccount1
export FLEET_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$(port_of Blob)/$account;QueueEndpoint=http://127.0.0.1:$(port_of Queue)/$account;TableEndpoint=http://127.0.0.1:$(port_of Table)/$account;"
echo "    Azurite tables on 127.0.0.1:$(port_of Table), queues on 127.0.0.1:$(port_of Queue)"

echo "==> Building"
dotnet build FleetServerless.sln -c Release --nologo -v quiet

echo "==> Testing"
status=0
dotnet test FleetServerless.sln -c Release --no-build --nologo "$@" 2>&1 | tee "$work/test.log" || status=$?

# One closing line over all test projects: "N passed, N failed, N skipped".
awk '
  /^(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i + 1))
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$work/test.log"

exit "$status"
