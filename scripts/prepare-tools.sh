#!/usr/bin/env bash
# Restores the tools the tests use besides .NET packages and prints where they are. Today that is the
# Bicep CLI, which comes from its NuGet package through tools/bicep/bicep.proj (the version is in
# Directory.Packages.props). The test command runs this script before building.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet restore tools/bicep/bicep.proj --nologo -v quiet
bicep="$(dotnet msbuild tools/bicep/bicep.proj -getProperty:BicepPath -nologo)"
bicep="$(realpath -m "$bicep")"

if [[ ! -f "$bicep" ]]; then
  echo "Bicep CLI missing after restore: expected $bicep" >&2
  exit 1
fi

# NuGet keeps the executable bit on Linux today; set it anyway so an extraction without it still runs.
[[ -x "$bicep" ]] || chmod u+x "$bicep"

echo "    Bicep CLI: $bicep ($("$bicep" --version))"
