#!/usr/bin/env bash
# Installs the packed tenant-audit tool from a local folder feed (a private tool path, nothing user-wide) and uses it on a
# fresh console app that consumes the packed TenantAnalyzers package, as the README's rollout guide says: scan, baseline,
# the baseline as an AdditionalFile so that a -warnaserror build passes, and a new leak that fails both the build and
# the CI ratchet (scan --baseline exits 1).
set -euo pipefail
source "$(dirname "$0")/leaky-app.sh"
feed=$(cd "$1" && pwd)
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages"
fail() { echo "tool smoke test FAILED: $*" >&2; exit 1; }

cd "$work"
dotnet tool install TenantAnalyzers.Audit --version "$version" --add-source "$feed" --tool-path "$work/tools" >/dev/null
audit="$work/tools/tenant-audit"

create_leaky_app "$feed" "$version" <<'CS'
public static class Reports
{
    public static int Leak(AppDb db) => db.Customers.IgnoreQueryFilters().Count();

    public static int OtherLeak(AppDb db) => db.Customers.IgnoreQueryFilters().Count(c => c.Name != "");
}
CS

scan=$("$audit" scan LeakyApp --quiet) || fail "scan exited $?"
grep -q "2 findings" <<<"$scan" || { echo "$scan"; fail "scan did not count 2 findings"; }
"$audit" baseline LeakyApp -o LeakyApp/tenant-baseline.json --quiet >/dev/null || fail "baseline exited $?"
sed -i 's#</Project>#  <ItemGroup><AdditionalFiles Include="tenant-baseline.json" /></ItemGroup>\n</Project>#' LeakyApp/LeakyApp.csproj
out=$(dotnet build LeakyApp -warnaserror 2>&1) || { echo "$out"; fail "the baselined build failed"; }
grep -q " TI0001" <<<"$out" && { echo "$out"; fail "a baselined finding was reported"; }
"$audit" scan LeakyApp --baseline LeakyApp/tenant-baseline.json --quiet >/dev/null || fail "scan --baseline exited $? with nothing new"

sed -i 's#public static class Program#public static class NewCode\n{\n    public static int NewLeak(AppDb db) => db.Customers.IgnoreQueryFilters().Count(c => c.Id > 0);\n}\n\npublic static class Program#' LeakyApp/Program.cs
if out=$(dotnet build LeakyApp -warnaserror --no-incremental 2>&1); then echo "$out"; fail "the new leak did not break the baselined build"; fi
errors=$(grep -o "error TI0001: [^[]*" <<<"$out" | sort -u)
[ "$(grep -c . <<<"$errors")" = 1 ] && grep -q "NewCode.NewLeak" <<<"$errors" || { echo "$out"; fail "expected exactly the new leak as an error"; }
set +e
"$audit" scan LeakyApp --baseline LeakyApp/tenant-baseline.json --quiet >/dev/null
code=$?
set -e
[ "$code" = 1 ] || fail "scan --baseline exited $code with a new finding (expected 1)"
echo "tool smoke test passed: tenant-audit $version installed from the local feed; baseline suppressed in a -warnaserror build, the new leak fails it and the ratchet"
