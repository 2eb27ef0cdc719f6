#!/usr/bin/env bash
# The README's C# quick start, run as a new user runs it: from an empty folder outside the repository, against
# freshly packed packages in a local feed. The shell lines and the program are taken from README.md (section
# "Quick start in C#"), so the README cannot drift from what works. Then each package README's C# example is
# compiled against the same packages, and the pcf tool is installed from them and run once.
#
# Usage: eng/quickstart-test.sh [WORK_DIR]
#   WORK_DIR (default: a new temporary folder, removed afterwards) gets the feed, the apps and a private NuGet
#   package folder, so packages cached from an earlier pack of the same version are never used.
# Needs: the .NET SDK and the NuGet registry (for Microsoft.Extensions.* and the packages' dependencies).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
  work=$(mkdir -p "$1" && cd "$1" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
case "$work/" in "$repo"/*) echo "quickstart: WORK_DIR must be outside the repository ($repo)" >&2; exit 2 ;; esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_PACKAGES="$work/nuget-packages"
feed="$work/feed"
fail() { echo "quickstart: FAILED: $*" >&2; exit 1; }

# 1. Pack every package under src/ (as a release would, warnings as errors).
echo "quickstart: packing into $feed"
for project in "$repo"/src/*/*.csproj; do
  dotnet pack "$project" -c Release -o "$feed" -warnaserror -nologo > "$work/pack.log" 2>&1 \
    || { cat "$work/pack.log"; fail "dotnet pack $project"; }
done
core=$(cd "$feed" && ls Pcf.Accounting.[0-9]*.nupkg)
version=${core#Pcf.Accounting.}
version=${version%.nupkg}
echo "quickstart: packed version $version: $(cd "$feed" && ls | tr '\n' ' ')"

# The library packages carry their symbols separately, with SourceLink to the public repository; the tool carries
# its PDBs inside and has no symbol package (no PDB twice).
# (Listings go through variables: `unzip | grep -q` fails under pipefail when grep stops reading early.)
for id in Pcf.Accounting Pcf.Accounting.Data Pcf.Accounting.Pact; do
  [ -f "$feed/$id.$version.snupkg" ] || fail "$id: no symbol package"
  listing=$(unzip -l "$feed/$id.$version.nupkg")
  grep -q '\.pdb$' <<<"$listing" && fail "$id: PDB inside the package"
  grep -qE ' README\.md$' <<<"$listing" && grep -qE ' NOTICE$' <<<"$listing" || fail "$id: README or NOTICE missing"
  for tfm in net8.0 net10.0; do
    unzip -p "$feed/$id.$version.snupkg" "lib/$tfm/$id.pdb" > "$work/symbols.pdb"
    grep -aq 'raw.githubusercontent.com/pcf-accounting/pcf-accounting/' "$work/symbols.pdb" || fail "$id ($tfm): no SourceLink in the PDB"
  done
done
# The tool is a pointer package and one package per runtime: linux-x64 (ahead-of-time compiled) and any (portable).
[ -f "$feed/Pcf.Accounting.Cli.$version.nupkg" ] || fail "Pcf.Accounting.Cli: no tool package"
for rid in linux-x64 any; do
  [ -f "$feed/Pcf.Accounting.Cli.$rid.$version.snupkg" ] && fail "Pcf.Accounting.Cli.$rid: a symbol package beside PDBs in the tool"
  [ -f "$feed/Pcf.Accounting.Cli.$rid.$version.nupkg" ] || fail "Pcf.Accounting.Cli: no $rid package"
  listing=$(unzip -l "$feed/Pcf.Accounting.Cli.$rid.$version.nupkg")
  [ "$(grep -c 'Pcf.Accounting.pdb$' <<<"$listing")" = 1 ] || fail "Pcf.Accounting.Cli.$rid: PDBs not exactly once"
done

# 2. The README's quick start: its shell block, with the local feed added as the README says to do before a
#    release, then its program.
section=$(awk '/^## Quick start in C#/{on=1; next} /^## /{on=0} on' "$repo/README.md")
commands=$(printf '%s\n' "$section" | awk '/^```bash/{on=1; next} /^```/{if (on) exit} on')
program=$(printf '%s\n' "$section" | awk '/^```csharp/{on=1; next} /^```/{if (on) exit} on')
[ -n "$commands" ] && [ -n "$program" ] || fail "README.md has no bash and csharp block under 'Quick start in C#'"
grep -q '^dotnet add package Pcf.Accounting$' <<<"$commands" || fail "README.md does not add Pcf.Accounting"

mkdir -p "$work/user"
cd "$work/user"
script=$(printf '%s\n' "$commands" | sed -E "s#^(dotnet add package Pcf\.[A-Za-z.]+)\$#\1 --source '$feed' --prerelease#")
echo "quickstart: running the README's commands in $work/user:"
printf '%s\n' "$script" | sed 's/^/    /'
printf 'set -euo pipefail\n%s\n' "$script" > "$work/readme-commands.sh"
bash "$work/readme-commands.sh" > "$work/readme-commands.log" 2>&1 || { cat "$work/readme-commands.log"; fail "the README's commands"; }
app=$(dirname "$(find "$work/user" -maxdepth 2 -name '*.csproj' | head -n 1)")
[ -d "$app" ] || fail "the README's commands made no project"
printf '%s\n' "$program" > "$app/Program.cs"
grep -q "Include=\"Pcf.Accounting\" Version=\"$version\"" "$app"/*.csproj || fail "the app does not use the packed Pcf.Accounting $version"

echo "quickstart: dotnet run"
(cd "$app" && dotnet run -c Release) > "$work/output.txt" 2>&1 || { cat "$work/output.txt"; fail "dotnet run"; }
head -n 40 "$work/output.txt" | sed 's/^/    /'

# The numbers the README's comments state.
expect() { grep -qF -- "$1" "$work/output.txt" || fail "output lacks: $1"; }
expect "12.5 kWh = 45 MJ; 10 kg SF6 = 235000 kg CO2e (AR5)"
expect "Steel bracket: 0.093075 kg CO2e per 1 pc"
expect "Moulded housing: 0.7446 kg CO2e per 1 pc"
expect "pcf-result/1:"
grep -q "warning PCF0404" "$work/output.txt" || fail "output lacks the warning on the grid factor's unstated GWP set"

# 2b. docs/getting-started.md: the program of its sections 2 and 3 prints exactly the output shown there.
guide="$repo/docs/getting-started.md"
guide_program=$(awk '/^## [23]\./{on=1; next} /^## /{on=0} on' "$guide" | awk '/^```csharp/{on=1; next} /^```/{on=0} on')
guide_output=$(awk '/^## 3\./{on=1; next} /^## /{on=0} on' "$guide" | awk '/^```text/{on=1; next} /^```/{on=0} on')
[ -n "$guide_program" ] && [ -n "$guide_output" ] || fail "docs/getting-started.md: no program or no output in sections 2 and 3"
printf '%s\n' "$guide_program" > "$app/Program.cs"
(cd "$app" && dotnet run -c Release) > "$work/guide-output.txt" 2>&1 || { cat "$work/guide-output.txt"; fail "docs/getting-started.md program"; }
if [ "$(cat "$work/guide-output.txt")" != "$guide_output" ]; then
  diff <(printf '%s\n' "$guide_output") "$work/guide-output.txt" || true
  fail "docs/getting-started.md: the output shown differs from the program's (diff above: < shown, > actual)"
fi
echo "quickstart: docs/getting-started.md program prints the output shown"

# 3. Each package README's C# example compiles against the packed package (they read files a user brings, so they
#    are built, not run).
for id in $(cd "$repo/src" && ls -d Pcf.Accounting* | grep -v '^Pcf.Accounting.Cli$'); do
  example=$(awk '/^```csharp/{on=1; next} /^```/{if (on) exit} on' "$repo/src/$id/README.md")
  [ -n "$example" ] || fail "src/$id/README.md has no C# example"
  dir="$work/readme-$id"
  dotnet new console -o "$dir" >/dev/null
  printf '%s\n' "$example" > "$dir/Program.cs"
  (cd "$dir" && dotnet add package "$id" --source "$feed" --version "$version" >/dev/null \
     && if grep -q 'Microsoft.Extensions.DependencyInjection' Program.cs; then dotnet add package Microsoft.Extensions.DependencyInjection >/dev/null; fi \
     && dotnet build -c Release -warnaserror > build.log 2>&1) || { cat "$dir/build.log" 2>/dev/null; fail "src/$id/README.md example does not build"; }
  echo "quickstart: src/$id/README.md example builds"
done
(cd "$work/readme-Pcf.Accounting" && dotnet run -c Release --no-build) > "$work/core-output.txt" 2>&1 || { cat "$work/core-output.txt"; fail "src/Pcf.Accounting/README.md example does not run"; }
grep -qF "0.2 kg CO2e per widget" "$work/core-output.txt" || { cat "$work/core-output.txt"; fail "src/Pcf.Accounting/README.md example: expected 0.2 kg CO2e per widget"; }

# 4. The tool, installed from the package, on the repository's sample.
dotnet tool install Pcf.Accounting.Cli --tool-path "$work/tools" --add-source "$feed" --version "$version" >/dev/null \
  || fail "dotnet tool install Pcf.Accounting.Cli"
"$work/tools/pcf" calculate "$repo/samples/steel-bracket.json" > "$work/pcf.txt" 2>&1 || { cat "$work/pcf.txt"; fail "pcf calculate"; }
grep -q "kg CO2e" "$work/pcf.txt" || fail "pcf calculate printed no footprint"

echo "quickstart: passed (packages $version; README quick start, docs/getting-started.md, every library package's README example, pcf tool)"
