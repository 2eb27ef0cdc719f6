#!/usr/bin/env python3
"""Writes the openly licensed datasets of Pcf.Accounting.Data from the source files in eng/factors/sources/.

    python3 eng/factors/build-open-datasets.py      (no arguments; run from any directory; Python 3.9+, standard library only)
    python3 eng/factors/build-open-datasets.py --out DIR   (writes into DIR instead; DIR must hold the files of
                                                            build-default-factors.py --out DIR for the manifest)

Every value is read from a source file stored beside this script (eng/factors/sources/, origins and licences in
eng/factors/sources/SOURCES.md); nothing is typed in here but the mapping from the source's names to factor keys and
the unit conversions, each written out. Each factor's note names the sheet, row and column (or the line) it was read
from. The script rewrites these files of src/Pcf.Accounting.Data/Data/ and the manifest of every dataset there:

    desnz-2025-fuels.json              UK DESNZ 2025: fuel combustion, well-to-tank and life-cycle (combustion + WTT), GB
    desnz-2025-electricity.json        UK DESNZ 2025: UK grid electricity, generation (combustion) and life cycle, GB
    desnz-2025-materials.json          UK DESNZ 2025: material use, primary production and closed-loop recycled, GB
    ember-electricity-lifecycle.json   Ember yearly electricity data: life-cycle grid intensities by country, 2021-2024
    us-epa-egrid-subregions.json       US EPA GHG Emission Factors Hub (eGRID2021, eGRID2022): subregion and US, combustion
    us-epa-useeio-spend.json           US EPA supply-chain GHG factors v1.2 (USEEIO): kg CO2e per 2021 USD, NAICS-6, US
    cbam-default-values.json           EU CBAM default values (Implementing Regulation (EU) 2025/2621), a transcription
    manifest.json                      keys and regions of every dataset file, for loading one dataset only when needed

Re-running it on a clean checkout must leave no diff (`git status --short src/Pcf.Accounting.Data/Data`), and the
test project checks that it does (DatasetGeneratorTests).
"""
import csv
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import xlsxread  # noqa: E402

SRC = HERE / "sources"
OUT = HERE.parents[1] / "src" / "Pcf.Accounting.Data" / "Data"
if len(sys.argv) == 3 and sys.argv[1] == "--out":  # the reproduction test writes elsewhere (after build-default-factors.py --out)
    OUT = pathlib.Path(sys.argv[2])
VERSION = "2026.2"
RETRIEVED = "2026-12-05"
LB = 0.45359237  # kg per pound (international avoirdupois pound, exact)


def r(x, n=9):
    """Rounds to n significant digits, so float noise (0.33660000000000001) does not reach the data."""
    return float(f"{x:.{n}g}")


def num(text):
    return r(float(text))


def write(name, dataset, factors):
    """pcf-factors/1 with one factor per line: small, and a diff shows which factors changed."""
    head = {"$schema": "../../../docs/schemas/pcf-factors-1.schema.json", "format": "pcf-factors/1", "dataset": dataset}
    text = json.dumps(head, ensure_ascii=False, indent=2)[:-2] + ',\n  "factors": [\n'
    text += ",\n".join("    " + json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in factors)
    text += "\n  ]\n}\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(factors)} factors")


def source(publisher, document, year, url, confidence, note):
    return {"publisher": publisher, "document": document, "year": year, "url": url, "confidence": confidence, "note": note}


# ------------------------------------------------------------------------------------------------ UK DESNZ 2025 flat file
DESNZ_FILE = SRC / "desnz" / "ghg-conversion-factors-2025-flat-file.xlsx"
DESNZ_SHEET = "Factors by Category"
DESNZ_PUB = "UK Department for Energy Security and Net Zero (DESNZ)"
DESNZ_DOC = "UK Government GHG Conversion Factors for Company Reporting 2025, flat file v1 (2025-06-10)"
DESNZ_URL = "https://www.gov.uk/government/publications/greenhouse-gas-reporting-conversion-factors-2025"
DESNZ_LICENCE = "Open Government Licence v3.0 (contains public sector information licensed under the OGL v3.0)"
AR5_NOTE = ("CO2e with IPCC AR5 100-year GWPs (full set, sheet 'Introduction', row 35). ")

desnz = {}  # (level1, level2, level3, level4, column text, uom, ghg unit) -> (row, value text)
for row, cells in xlsxread.rows(DESNZ_FILE, DESNZ_SHEET):
    if row < 7 or len(cells) < 10 or not cells[0]:
        continue
    k = tuple(cells[2:9])
    desnz[k] = (row, cells[9])


def desnz_value(level1, level2, level3, uom, ghg, level4=None, column=None):
    row, text = desnz[(level1, level2, level3, level4, column, uom, ghg)]
    return row, (None if text is None else num(text))


def cell(row):
    return f"sheet '{DESNZ_SHEET}', row {row}, column J"


UNITS = {"tonnes": "t", "litres": "L", "cubic metres": "m3", "kWh (Net CV)": "kWh"}
# DESNZ fuel name (Level 2, Level 3) -> key suffix; the names of the flat file, keys of this project.
FUELS = [
    ("Gaseous fuels", "Natural gas", "natural-gas"), ("Gaseous fuels", "LPG", "lpg"), ("Gaseous fuels", "LNG", "lng"),
    ("Gaseous fuels", "CNG", "cng"), ("Gaseous fuels", "Butane", "butane"), ("Gaseous fuels", "Propane", "propane"),
    ("Liquid fuels", "Diesel (average biofuel blend)", "diesel"), ("Liquid fuels", "Diesel (100% mineral diesel)", "diesel-mineral"),
    ("Liquid fuels", "Petrol (average biofuel blend)", "gasoline"), ("Liquid fuels", "Petrol (100% mineral petrol)", "gasoline-mineral"),
    ("Liquid fuels", "Fuel oil", "fuel-oil"), ("Liquid fuels", "Gas oil", "gas-oil"), ("Liquid fuels", "Burning oil", "kerosene"),
    ("Liquid fuels", "Aviation turbine fuel", "jet-kerosene"), ("Liquid fuels", "Naphtha", "naphtha"),
    ("Solid fuels", "Coal (industrial)", "coal-industrial"), ("Solid fuels", "Coking coal", "coking-coal"),
    ("Solid fuels", "Petroleum coke", "petroleum-coke"),
]
fuels = []
for level2, name, key in FUELS:
    for uom, unit in UNITS.items():
        if ("Fuels", level2, name, None, None, uom, "kg CO2e") not in desnz:
            continue
        r_total, total = desnz_value("Fuels", level2, name, uom, "kg CO2e")
        r_co2, co2 = desnz_value("Fuels", level2, name, uom, "kg CO2e of CO2 per unit")
        r_ch4, ch4 = desnz_value("Fuels", level2, name, uom, "kg CO2e of CH4 per unit")
        r_n2o, n2o = desnz_value("Fuels", level2, name, uom, "kg CO2e of N2O per unit")
        r_wtt, wtt = desnz_value("WTT- fuels", level2, name, uom, "kg CO2e")
        if None in (total, co2, ch4, n2o, wtt):
            continue  # the flat file leaves some units empty (no litres for solid fuels)
        non_co2 = r(ch4 + n2o)
        where = (f"Combustion: {cell(r_total)} (total {total}), rows {r_co2}-{r_n2o} (CO2 {co2}, CH4 {ch4}, N2O {n2o} kg CO2e); "
                 f"well-to-tank: 'WTT- fuels', {cell(r_wtt)} ({wtt}). ")
        per = f"per {unit}" + (" (net calorific value)" if unit == "kWh" else "")
        base = {"region": "GB", "year": 2025, "perUnit": unit, "gwpBasis": "AR5"}
        region_note = ("Represents fuel supplied and burned in the United Kingdom; used elsewhere it is a proxy, found only as a "
                       "region fallback (recorded). ")
        vol_note = (" DESNZ cubic metres are at standard conditions; a request in Nm3 is converted 1:1 (recorded as a unit conversion)."
                    if unit == "m3" else "")
        fuels.append(dict(key=f"fuel-combustion/{key}", name=f"{name}, combustion, {per} (UK)", **base, kind="combustionOnly",
                          components=[{"gas": "CO2-fossil", "amount": co2}, {"gas": "CO2e", "amount": non_co2}],
                          source=source(DESNZ_PUB, DESNZ_DOC + ", Scope 1 'Fuels'", 2025, DESNZ_URL, "verified",
                                        where + f"CO2e component = CH4 + N2O = {ch4} + {n2o}. " + AR5_NOTE + region_note + vol_note)))
        fuels.append(dict(key=f"fuel-upstream/{key}", name=f"{name}, upstream (well-to-tank) only, {per} (UK)", **base, kind="unspecified",
                          components=[{"gas": "CO2e", "amount": wtt}],
                          source=source(DESNZ_PUB, DESNZ_DOC + ", Scope 3 'WTT- fuels'", 2025, DESNZ_URL, "verified",
                                        where + "Extraction, refining and transport of the fuel to the point of use; NOT its combustion: "
                                        "add fuel-combustion or use fuel/ for cradle-to-gate. " + AR5_NOTE + region_note + vol_note)))
        lc_total = r(total + wtt)
        fuels.append(dict(key=f"fuel/{key}", name=f"{name}, life cycle (well-to-tank + combustion), {per} (UK)", **base, kind="lifeCycle",
                          components=[{"gas": "CO2-fossil", "amount": co2}, {"gas": "CO2e", "amount": r(non_co2 + wtt)}],
                          source=source(DESNZ_PUB, DESNZ_DOC + ", 'Fuels' + 'WTT- fuels'", 2025, DESNZ_URL, "verified",
                                        where + f"Life cycle = combustion {total} + well-to-tank {wtt} = {lc_total} kg CO2e {per}; "
                                        f"CO2e component = CH4 {ch4} + N2O {n2o} + WTT {wtt}. " + AR5_NOTE + region_note + vol_note)))
write("desnz-2025-fuels.json", {
    "id": "pcf-accounting/desnz-2025-fuels", "name": "UK GHG conversion factors 2025 (DESNZ): fuels, combustion, well-to-tank and life cycle",
    "version": VERSION, "publisher": DESNZ_PUB, "licence": DESNZ_LICENCE, "url": DESNZ_URL,
    "description": ("Per fuel and unit (t, L, m3, kWh net CV): fuel-combustion/* (direct combustion, Scope 1 'Fuels'), fuel-upstream/* "
                    "(well-to-tank, Scope 3 'WTT- fuels') and fuel/* (their sum: a cradle-to-gate factor for a fuel burned on site). "
                    f"Region GB. Source file: eng/factors/sources/desnz/ghg-conversion-factors-2025-flat-file.xlsx, retrieved {RETRIEVED}.")}, fuels)

# UK electricity: generation (Scope 2), T&D losses (Scope 3), WTT of generation and of T&D.
LE = "Electricity: UK"
r_gen, gen = desnz_value("UK electricity", "Electricity generated", LE, "kWh", "kg CO2e", level4="kWh")
r_gco2, gco2 = desnz_value("UK electricity", "Electricity generated", LE, "kWh", "kg CO2e of CO2 per unit", level4="kWh")
r_gch4, gch4 = desnz_value("UK electricity", "Electricity generated", LE, "kWh", "kg CO2e of CH4 per unit", level4="kWh")
r_gn2o, gn2o = desnz_value("UK electricity", "Electricity generated", LE, "kWh", "kg CO2e of N2O per unit", level4="kWh")
r_td, td = desnz_value("Transmission and distribution", "T&D- UK electricity", LE, "kWh", "kg CO2e", level4="kWh")
r_wg, wg = desnz_value("WTT- UK electricity", "WTT- UK electricity (generation)", LE, "kWh", "kg CO2e", level4="kWh")
r_wtd, wtd = desnz_value("WTT- UK electricity", "WTT- UK electricity (T&D)", LE, "kWh", "kg CO2e", level4="kWh")
lc = r(gen + td + wg + wtd)
elec = [
    {"key": "electricity/grid/combustion", "name": "UK grid electricity, generation (power-station emissions), per kWh", "perUnit": "kWh",
     "region": "GB", "year": 2025, "kind": "combustionOnly", "gwpBasis": "AR5",
     "components": [{"gas": "CO2-fossil", "amount": gco2}, {"gas": "CO2e", "amount": r(gch4 + gn2o)}],
     "source": source(DESNZ_PUB, DESNZ_DOC + ", Scope 2 'UK electricity'", 2025, DESNZ_URL, "verified",
                      f"{cell(r_gen)} (total {gen}), rows {r_gco2}-{r_gn2o} (CO2 {gco2}, CH4 {gch4}, N2O {gn2o} kg CO2e). "
                      "Electricity supplied to the grid; excludes T&D losses and upstream fuel supply. " + AR5_NOTE)},
    {"key": "electricity/grid", "name": "UK grid electricity consumed, life cycle (generation + T&D losses + their well-to-tank), per kWh",
     "perUnit": "kWh", "region": "GB", "year": 2025, "kind": "lifeCycle", "gwpBasis": "AR5",
     "components": [{"gas": "CO2e", "amount": lc}],
     "source": source(DESNZ_PUB, DESNZ_DOC + ", 'UK electricity' + 'Transmission and distribution' + 'WTT- UK electricity'", 2025, DESNZ_URL, "verified",
                      f"Sum of generation {gen} ({cell(r_gen)}), T&D losses {td} (row {r_td}), WTT of generation {wg} (row {r_wg}) and "
                      f"WTT of T&D {wtd} (row {r_wtd}) = {lc} kg CO2e/kWh consumed. Basis: electricity consumed (includes grid losses); "
                      "excludes the construction of power plants. " + AR5_NOTE)},
]
write("desnz-2025-electricity.json", {
    "id": "pcf-accounting/desnz-2025-electricity", "name": "UK GHG conversion factors 2025 (DESNZ): UK grid electricity", "version": VERSION,
    "publisher": DESNZ_PUB, "licence": DESNZ_LICENCE, "url": DESNZ_URL,
    "description": ("UK grid electricity 2025: generation (combustion at power stations) and the life-cycle sum per kWh consumed. "
                    f"Source file: eng/factors/sources/desnz/ghg-conversion-factors-2025-flat-file.xlsx, retrieved {RETRIEVED}.")}, elec)

# Material use: 'Primary material production' and 'Closed-loop source' columns (kg CO2e per tonne of material).
def slug(text):
    text = text.lower().replace("&", "and")
    text = re.sub(r"\(.*?\)", "", text)
    text = re.sub(r"^(metal|plastics|paper and board): ", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


COLUMNS = {"Primary material production": "primary", "Closed-loop source": "closed-loop-recycled"}
materials = []
for (level1, level2, level3, level4, column, uom, ghg), (row, text) in sorted(desnz.items(), key=lambda kv: kv[1][0]):
    if level1 != "Material use" or column not in COLUMNS or text is None or ghg != "kg CO2e":
        continue
    value = num(text)
    group = {"Metal": "metal", "Plastic": "plastic", "Paper": "paper", "Construction": "construction", "Other": "other",
             "Organic": "organic", "Electrical items": "electrical"}[level2]
    key = f"material/{group}/{slug(level3)}/{COLUMNS[column]}"
    materials.append({"key": key, "name": f"{level3}, {column.lower()}, per tonne (UK)", "perUnit": "t", "region": "GB", "year": 2025,
                      "kind": "lifeCycle", "gwpBasis": "AR5", "components": [{"gas": "CO2e", "amount": value}],
                      "source": source(DESNZ_PUB, DESNZ_DOC + ", Scope 3 'Material use'", 2025, DESNZ_URL, "verified",
                                       f"{cell(row)}: '{level3}', '{column}' = {value} kg CO2e/t. "
                                       "DESNZ material-use factors: emissions of producing the material (from primary resources, or from "
                                       "closed-loop recycled material), for material bought in the UK. " + AR5_NOTE
                                       + "Used outside the UK it is a proxy, found only as a region fallback (recorded).")})
write("desnz-2025-materials.json", {
    "id": "pcf-accounting/desnz-2025-materials", "name": "UK GHG conversion factors 2025 (DESNZ): material use", "version": VERSION,
    "publisher": DESNZ_PUB, "licence": DESNZ_LICENCE, "url": DESNZ_URL,
    "description": ("kg CO2e per tonne of material, 'primary material production' and 'closed-loop source' (recycled), for metals "
                    "(aluminium cans and foil, steel cans, construction metals), glass, plastics (average, film, rigid, HDPE, LDPE, PET, "
                    "PP, PS, PVC), paper and board, construction materials (aggregates, asphalt, bricks, concrete, insulation, "
                    "plasterboard, wood) and others. No copper, cement, clinker or steel by route: DESNZ publishes none. "
                    f"Source file: eng/factors/sources/desnz/ghg-conversion-factors-2025-flat-file.xlsx, retrieved {RETRIEVED}.")}, materials)

# ------------------------------------------------------------------------------------------------ Ember, via co2.js snapshots
# Three snapshots of co2.js's data/output/average-intensities.json (each the latest year per country of Ember's yearly
# data at that date). For every (country, year) the latest snapshot that has it wins.
EMBER_SNAPSHOTS = [  # file, co2.js commit, commit date
    ("average-intensities-20c3107.json", "20c31076c88f482e3551afef26a11ceb6b90933c", "2023-04-13"),
    ("average-intensities-03b5e45.json", "03b5e45f07962308079634d431e04878e7222fef", "2024-05-03"),
    ("average-intensities-b459b5e.json", "b459b5e543c6cfb49ad429627e325e14c45697e1", "2025-08-03"),
]
# ISO 3166-1 alpha-3 -> alpha-2 for the countries included (EU 27, the rest of Europe's large grids, G20 and main trade
# partners of Chinese and EU manufacturers); Ember's EU aggregate is region EU.
ISO = {
    "AUT": "AT", "BEL": "BE", "BGR": "BG", "HRV": "HR", "CYP": "CY", "CZE": "CZ", "DNK": "DK", "EST": "EE", "FIN": "FI",
    "FRA": "FR", "DEU": "DE", "GRC": "GR", "HUN": "HU", "IRL": "IE", "ITA": "IT", "LVA": "LV", "LTU": "LT", "LUX": "LU",
    "MLT": "MT", "NLD": "NL", "POL": "PL", "PRT": "PT", "ROU": "RO", "SVK": "SK", "SVN": "SI", "ESP": "ES", "SWE": "SE",
    "GBR": "GB", "NOR": "NO", "CHE": "CH", "ISL": "IS", "SRB": "RS", "BIH": "BA", "MKD": "MK", "MNE": "ME", "ALB": "AL",
    "UKR": "UA", "TUR": "TR", "RUS": "RU", "USA": "US", "CAN": "CA", "MEX": "MX", "BRA": "BR", "ARG": "AR", "CHL": "CL",
    "COL": "CO", "PER": "PE", "CHN": "CN", "HKG": "HK", "TWN": "TW", "JPN": "JP", "KOR": "KR", "IND": "IN", "IDN": "ID",
    "MYS": "MY", "THA": "TH", "VNM": "VN", "PHL": "PH", "SGP": "SG", "PAK": "PK", "BGD": "BD", "AUS": "AU", "NZL": "NZ",
    "ZAF": "ZA", "EGY": "EG", "MAR": "MA", "NGA": "NG", "SAU": "SA", "ARE": "AE", "ISR": "IL", "IRN": "IR", "KAZ": "KZ",
    "UZB": "UZ",
}
AGGREGATES = {"EU": "EU"}
# Ember's world average is left out: under the default same-year-first fallback a GLO value of a later year would
# stand in for a country's own figure of an earlier year (China 2025 would take the world's 2024 value).
# China is left out: its official life-cycle grid factor (MEE, NBS and NEA, china-electricity-lifecycle-2023) applies,
# with the year fallback, rather than a third-party figure of another basis for a nearer year.
OFFICIAL_ELSEWHERE = {"CHN"}
values = {}  # (region, year) -> (value g/kWh, snapshot, name)
for file, commit, date in EMBER_SNAPSHOTS:
    snapshot = json.loads((SRC / "ember" / file).read_text(encoding="utf-8"))
    for code, entry in snapshot.items():
        region = ISO.get(code) or AGGREGATES.get(code)
        if region is None or code in OFFICIAL_ELSEWHERE or entry.get("emissions_intensity_gco2_per_kwh") is None:
            continue
        values[(region, entry["year"])] = (entry["emissions_intensity_gco2_per_kwh"], file, commit, date, entry["country_or_region"], code)
ORDER = {region: i for i, region in enumerate(list(ISO.values()) + ["EU"])}
ember = []
for (region, year), (g, file, commit, date, name, code) in sorted(values.items(), key=lambda kv: (ORDER[kv[0][0]], kv[0][1])):
    ember.append({"key": "electricity/grid", "name": f"{name} grid electricity, life cycle, generation basis (Ember)", "perUnit": "kWh",
                  "region": region, "year": year, "kind": "lifeCycle", "components": [{"gas": "CO2e", "amount": r(g / 1000)}],
                  "source": source("Ember", f"Yearly electricity data, emissions intensity {year} (via co2.js snapshot {date})", int(date[:4]),
                                   "https://ember-energy.org/data/yearly-electricity-data/", "secondary",
                                   f"eng/factors/sources/ember/{file}, entry '{code}': {g} g CO2e/kWh / 1000 = {r(g / 1000)} kg/kWh. "
                                   "Snapshot of Ember's data API kept by thegreenwebfoundation/co2.js (data/output/average-intensities.json, "
                                   f"commit {commit}); a third-party copy, hence secondary. Basis: life-cycle emissions (Ember: upstream methane, "
                                   "supply chain and manufacturing, all gases, 100-year CO2e) per kWh generated in the country (production "
                                   "mix, imports and grid losses excluded). GWP set not stated by the source.")})
write("ember-electricity-lifecycle.json", {
    "id": "pcf-accounting/ember-electricity-lifecycle", "name": "Grid electricity life-cycle intensities by country (Ember yearly electricity data)",
    "version": VERSION, "publisher": "Ember", "licence": "CC BY 4.0 (Ember); snapshots via thegreenwebfoundation/co2.js (Apache-2.0)",
    "url": "https://ember-energy.org/data/yearly-electricity-data/",
    "description": ("electricity/grid, kg CO2e per kWh generated, life-cycle basis, 2021-2024, for the EU 27, other European countries, "
                    "G20 members and main trading partners (region = ISO 3166 alpha-2) and the EU aggregate (EU); not the world average "
                    "(a later-year GLO value would displace a country's own earlier one under the same-year-first fallback) and not "
                    "China, whose official life-cycle factor (china-electricity-lifecycle-2023) applies. "
                    f"Source files: eng/factors/sources/ember/*.json, retrieved {RETRIEVED}.")}, ember)

# ------------------------------------------------------------------------------------------------ US EPA eGRID (GHG Emission Factors Hub, Table 6)
EGRID = [  # hub file, hub year, eGRID data year
    ("ghg-emission-factors-hub-2023.xlsx", 2023, 2021),
    ("ghg-emission-factors-hub-2024.xlsx", 2024, 2022),
]
egrid = []
for file, hub, data_year in EGRID:
    rows = list(xlsxread.rows(SRC / "epa" / file, "Emission Factors Hub"))
    start = next(n for n, c in rows if len(c) > 1 and c[1] == "Table 6")
    end = next(n for n, c in rows if len(c) > 1 and c[1] == "Table 7")
    table = [(n, c) for n, c in rows if start < n < end and len(c) > 6 and c[2] and c[4] and re.fullmatch(r"[A-Z]{4}|US Average", c[2])]
    note_source = next(" ".join(x for x in c if x) for n, c in rows if n > start and any(x and x.startswith("Source: EPA eGRID") for x in c))
    for n, c in table:
        acronym = c[2]
        name = re.sub(r"^[A-Z]{4} \((.*)\)$", r"\1", c[3])  # the 2023 hub writes 'AKGD (ASCC Alaska Grid)', the 2024 hub 'ASCC Alaska Grid'
        region = "US" if acronym == "US Average" else f"US-EGRID-{acronym}"
        co2, ch4, n2o = (num(x) for x in c[4:7])
        kg = [r(co2 * LB), r(ch4 * LB), r(n2o * LB)]
        egrid.append({"key": "electricity/grid/combustion", "name": f"eGRID subregion {name}, total output emission rate" if region != "US" else "US average grid, total output emission rate (eGRID)",
                      "perUnit": "MWh", "region": region, "year": data_year, "kind": "combustionOnly",
                      "components": [{"gas": "CO2-fossil", "amount": kg[0]}, {"gas": "CH4-fossil", "amount": kg[1]}, {"gas": "N2O", "amount": kg[2]}],
                      "source": source("US EPA", f"GHG Emission Factors Hub {hub}, Table 6 (eGRID{data_year} subregion output emission rates)", hub,
                                       "https://www.epa.gov/climateleadership/ghg-emission-factors-hub", "verified",
                                       f"eng/factors/sources/epa/{file}, sheet 'Emission Factors Hub', row {n}, columns E-G: {co2} lb CO2, {ch4} lb CH4, "
                                       f"{n2o} lb N2O per MWh x {LB} kg/lb. {note_source}. Combustion emissions of generation only (the hub's note: "
                                       "no upstream, no T&D losses).")})
write("us-epa-egrid-subregions.json", {
    "id": "pcf-accounting/us-epa-egrid-subregions", "name": "US grid electricity by eGRID subregion (US EPA GHG Emission Factors Hub, eGRID2021 and eGRID2022)",
    "version": VERSION, "publisher": "US EPA", "licence": "US Government work, public domain", "url": "https://www.epa.gov/egrid",
    "description": ("electricity/grid/combustion per MWh, CO2, CH4 and N2O (kg), for the 27 eGRID subregions (region US-EGRID-<acronym>, Puerto Rico included) and the "
                    "US average (US), data years 2021 and 2022. Combustion only. "
                    f"Source files: eng/factors/sources/epa/ghg-emission-factors-hub-2023.xlsx and -2024.xlsx, retrieved {RETRIEVED}.")}, egrid)

# ------------------------------------------------------------------------------------------------ US EPA supply-chain factors (USEEIO) v1.2
USEEIO_FILE = SRC / "epa" / "SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv"
USEEIO_DOC = "Supply Chain GHG Emission Factors v1.2 by NAICS-6 (USEEIO), SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv"
spend = []
with USEEIO_FILE.open(encoding="utf-8", newline="") as f:
    for line, row in enumerate(csv.DictReader(f), start=2):
        code, title = row["NAICS Code 2017"], row["NAICS Title 2017"]
        value = num(row["Supply Chain Emission Factors with Margins"])
        spend.append({"key": f"spend/naics/{code}", "name": f"{title} (NAICS {code}), spend-based, per 2021 USD purchaser price", "perUnit": "currency:USD",
                      "region": "US", "kind": "lifeCycle", "gwpBasis": "AR4", "components": [{"gas": "CO2e", "amount": value}],
                      "source": {"document": USEEIO_DOC, "year": 2023, "confidence": "verified",
                                 "note": f"Line {line}: with margins {value}, without margins {row['Supply Chain Emission Factors without Margins']} "
                                         f"kg CO2e/USD; USEEIO commodity {row['Reference USEEIO Code']}."},
                      "dataQuality": {"technological": 5, "geographical": 5, "temporal": 5, "completeness": 5, "reliability": 5}})
write("us-epa-useeio-spend.json", {
    "id": "pcf-accounting/us-epa-useeio-spend", "name": "US EPA supply-chain GHG emission factors v1.2 (USEEIO), spend-based", "version": VERSION,
    "publisher": "US EPA Office of Research and Development", "licence": "US Government work, public domain (EPA Science Hub licence)",
    "url": "https://doi.org/10.23719/1528686",
    "description": ("spend/naics/<NAICS-6>, kg CO2e per 2021 USD purchaser price including margins (column 'Supply Chain Emission Factors "
                    "with Margins'), region US, for 1,016 commodities; GHG data of 2019, AR4 GWPs (EPA's dataset description). "
                    "Environmentally extended input-output factors: the last resort for purchased items with only a price. Every factor's "
                    "data-quality scores are set to the worst (5) by this project (EPA publishes none for this file), so that a result "
                    "resting on them shows it. "
                    f"Source file: eng/factors/sources/epa/SupplyChainGHGEmissionFactors_v1.2_NAICS_CO2e_USD2021.csv, retrieved {RETRIEVED}.")}, spend)

# ------------------------------------------------------------------------------------------------ EU CBAM default values (definitive period)
COUNTRIES = {
    "Indonesia": "ID", "Kazakhstan": "KZ", "India": "IN", "South Africa": "ZA", "Other Countries and Territories": "OTHER",
    "Russia": "RU", "Uzbekistan": "UZ", "China": "CN", "Algeria": "DZ", "Australia": "AU", "Mexico": "MX", "Argentina": "AR",
    "Colombia": "CO", "Ukraine": "UA", "Türkiye": "TR", "New Zealand": "NZ", "United Kingdom": "GB", "Serbia": "RS",
    "Vietnam": "VN", "Taiwan": "TW", "Bosnia and Herzegovina": "BA", "South Korea": "KR", "Japan": "JP", "Chile": "CL",
    "Iran": "IR", "Thailand": "TH", "Brazil": "BR", "North Macedonia": "MK", "Canada": "CA", "United States": "US",
    "Philippines": "PH", "Myanmar/Burma": "MM", "Azerbaijan": "AZ", "Mozambique": "MZ", "Egypt": "EG", "Malaysia": "MY",
    "Albania": "AL", "Belarus": "BY",
}
cbam = []
for path in sorted((SRC / "cbam").glob("*.txt")):
    lines = path.read_text(encoding="utf-8").splitlines()
    meta = dict(line.split(": ", 1) for line in lines[:6])
    for number, line in enumerate(lines[6:], start=7):
        m = re.fullmatch(r"(\D+?)([\d.]+)(\([A-Z]\))?", line)
        if not m:
            raise SystemExit(f"{path.name} line {number}: not a table row: {line}")
        country, digits, route = m.group(1), m.group(2), m.group(3)
        if path.name.startswith("cbamdefaults.com"):
            # Direct, Indirect (empty for these goods), Total, 2026, 2027, 2028: five numbers of two decimals run together.
            parts = re.findall(r"\d+\.\d{2}", digits)
            if len(parts) != 5 or "".join(parts) != digits:
                raise SystemExit(f"{path.name} line {number}: expected five two-decimal numbers in {digits}")
            direct, total, y26, y27, y28 = (float(p) for p in parts)
            indirect = None
            markups = {"2026": y26, "2027": y27, "2028": y28}
        else:
            # Direct, Indirect (empty), Total: the same number twice.
            half = len(digits) // 2
            if len(digits) % 2 or digits[:half] != digits[half:]:
                raise SystemExit(f"{path.name} line {number}: expected direct = total written twice in {digits}")
            direct = total = float(digits[:half])
            indirect, markups = None, None
        if abs(direct + (indirect or 0) - total) > 0.005:
            raise SystemExit(f"{path.name} line {number}: direct + indirect != total")
        entry = {"cn": meta["cn"], "description": meta["description"], "country": COUNTRIES[country], "countryName": country,
                 "direct": direct, "indirect": indirect, "total": total}
        if markups:
            entry["withMarkUp"] = markups
        if route:
            entry["route"] = route.strip("()")
        entry["source"] = {"url": meta["url"], "confidence": "secondary",
                           "note": f"eng/factors/sources/cbam/{path.name}, line {number}: '{line}'. Transcribed by a third-party website from the "
                                   "Commission's published default values; check against the official file before relying on it."}
        cbam.append(entry)
cbam_doc = {
    "format": "pcf-cbam-defaults/1",
    "dataset": {"id": "pcf-accounting/cbam-default-values", "version": VERSION,
                "name": "EU CBAM default values for embedded emissions (definitive period), partial transcription",
                "publisher": "European Commission (DG TAXUD)",
                "document": "Commission Implementing Regulation (EU) 2025/2621, default values (file dated 2026-02-04)",
                "licence": "European Commission reuse policy (Decision 2011/833/EU): reuse allowed with acknowledgement",
                "unit": "t CO2e per t of good",
                "description": ("Default direct and indirect specific embedded emissions by CN code and country of origin, as transcribed by "
                                "third-party websites (cbamdefaults.com, autocbam.com) from the Commission's file: hot-rolled flat steel (7208), "
                                "semi-finished steel (7207 12 10), other flat steel further worked (7211 90), aluminium wire (7605, five countries) and "
                                "hydrogen (2804 10 00, five countries). 'withMarkUp' gives the values with the 2026, 2027 and 2028 mark-ups. "
                                "Indirect values are empty for these goods in the transcription. The official file itself was not available; "
                                f"every value is marked secondary. Source files: eng/factors/sources/cbam/*.txt, retrieved {RETRIEVED}.")},
    "values": cbam,
}
text = json.dumps({k: v for k, v in cbam_doc.items() if k != "values"}, ensure_ascii=False, indent=2)[:-2] + ',\n  "values": [\n'
text += ",\n".join("    " + json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in cbam) + "\n  ]\n}\n"
(OUT / "cbam-default-values.json").write_text(text, encoding="utf-8")
print(f"cbam-default-values.json: {len(cbam)} values")

# ------------------------------------------------------------------------------------------------ manifest of every factor dataset
manifest = []
for path in sorted(OUT.glob("*.json")):
    if path.name in ("manifest.json", "cbam-default-values.json"):
        continue
    doc = json.loads(path.read_text(encoding="utf-8"))
    keys = sorted({f["key"] for f in doc["factors"]})
    regions = sorted({f.get("region") or "GLO" for f in doc["factors"]})
    manifest.append({"dataset": path.stem, "id": doc["dataset"]["id"], "factors": len(doc["factors"]), "keys": keys, "regions": regions})
text = "{\n  \"datasets\": [\n" + ",\n".join("    " + json.dumps(m, ensure_ascii=False, separators=(",", ":")) for m in manifest) + "\n  ]\n}\n"
(OUT / "manifest.json").write_text(text, encoding="utf-8")
print(f"manifest.json: {len(manifest)} datasets")
