#!/usr/bin/env bash
# Installs the packed package from a local folder feed into a fresh console app with an EF Core entity, as a user
# would, and checks that `dotnet build` reports TI0001, that -warnaserror breaks the build, and that the
# [CrossTenant] attribute the package adds to the project compiles and silences a justified bypass.
set -euo pipefail
source "$(dirname "$0")/leaky-app.sh"
feed=$(cd "$1" && pwd)
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private package cache: a package of the same version packed earlier must not be taken from the global cache.
export NUGET_PACKAGES="$work/packages"

cd "$work"
create_leaky_app "$feed" "$version" <<'CS'
public static class Reports
{
    public static int Leak(AppDb db) => db.Customers.IgnoreQueryFilters().Count();

    [TenantAnalyzers.CrossTenant("Platform operator report: number of customers of every company")]
    public static int Justified(AppDb db) => db.Customers.IgnoreQueryFilters().Count();
}
CS

out=$(dotnet build LeakyApp 2>&1) || { echo "$out"; echo "smoke test FAILED: the app does not build" >&2; exit 1; }
count=$(grep -c 'warning TI0001' <<<"$out" || true)
grep -q "warning TI0001: .* in 'Reports.Leak'" <<<"$out" || { echo "$out"; echo "smoke test FAILED: no TI0001 on the bypass" >&2; exit 1; }
grep -q "Reports.Justified" <<<"$out" && { echo "$out"; echo "smoke test FAILED: the justified bypass was reported" >&2; exit 1; }
if dotnet build LeakyApp -warnaserror --no-incremental >/dev/null 2>&1; then
  echo "smoke test FAILED: -warnaserror did not break the build" >&2; exit 1
fi
echo "package smoke test passed: TI0001 reported ($count line(s)), -warnaserror breaks the build"
