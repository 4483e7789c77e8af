#!/usr/bin/env bash
# Checks the packed nupkg: both assemblies under analyzers/dotnet/cs, nothing under lib/, README and license metadata.
set -euo pipefail
nupkg=$1

if command -v unzip >/dev/null 2>&1; then
  entries=$(unzip -Z1 "$nupkg")
  nuspec=$(unzip -p "$nupkg" '*.nuspec')
else
  entries=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")
  nuspec=$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read([n for n in z.namelist() if n.endswith(".nuspec")][0]).decode())' "$nupkg")
fi

fail() { echo "package check FAILED: $*" >&2; exit 1; }
grep -qx 'analyzers/dotnet/cs/TenantAnalyzers.dll' <<<"$entries" || fail "analyzers/dotnet/cs/TenantAnalyzers.dll missing"
grep -qx 'analyzers/dotnet/cs/TenantAnalyzers.CodeFixes.dll' <<<"$entries" || fail "analyzers/dotnet/cs/TenantAnalyzers.CodeFixes.dll missing"
grep -q '^lib/' <<<"$entries" && fail "the package has lib/ assets"
grep -qx 'README.md' <<<"$entries" || fail "README.md missing"
grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec" || fail "not a development dependency"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "license metadata missing"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "readme metadata missing"
grep -q '<dependencies' <<<"$nuspec" && fail "the package declares dependencies"
echo "package check passed: $(basename "$nupkg")"
