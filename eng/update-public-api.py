#!/usr/bin/env python3
"""Bring PublicAPI.Unshipped.txt files in line with the code (a developer tool; CI never runs it).

Builds the given project (default: the solution), reads the PublicApiAnalyzers diagnostics
RS0016 (symbol not declared) and RS0017 (declared symbol gone), and adds or removes those lines
in the project's PublicAPI.Unshipped.txt. Review the diff like any other API change.

    python3 eng/update-public-api.py [path/to/project-or-sln]
"""
import re, subprocess, sys, pathlib, collections

target = sys.argv[1] if len(sys.argv) > 1 else "Pcf.Accounting.sln"
out = subprocess.run(["dotnet", "build", target, "-nologo", "-clp:NoSummary", "-p:TreatWarningsAsErrors=false"],
                     capture_output=True, text=True).stdout
add, remove = collections.defaultdict(set), collections.defaultdict(set)
pat = re.compile(r"(RS0016|RS0017): Symbol '(.+?)' (?:is not part of the declared public API|is part of the declared API).*\[(.+?\.csproj)")
for line in out.splitlines():
    m = pat.search(line)
    if m:
        (add if m.group(1) == "RS0016" else remove)[pathlib.Path(m.group(3)).parent.resolve()].add(m.group(2))
# Every project's files are normalized too (sorted, no duplicates: union merges can repeat lines).
for f in pathlib.Path(".").glob("src/*/PublicAPI.Unshipped.txt"):
    add[f.parent.resolve()]
for proj in set(add) | set(remove):
    f = proj / "PublicAPI.Unshipped.txt"
    lines = f.read_text().splitlines() if f.exists() else ["#nullable enable"]
    body = (set(lines[1:]) | add[proj]) - remove[proj]
    f.write_text("\n".join(["#nullable enable"] + sorted(l for l in body if l.strip())) + "\n")
    print(f"{f}: +{len(add[proj])} -{len(remove[proj])}")
