#!/usr/bin/env python3
"""Writes the embedded default factor datasets of Pcf.Accounting.Data (pcf-factors/1 JSON).

Every number below is copied from ../shared/reference/methods/sector-methods.md (the project's source notes) or
from the transcription named beside it, with its confidence mark ([V] verified, [S] secondary, [U] unverified).
Derived values (per tonne, per Nm3) are arithmetic on those numbers; the formula is written into each factor's note.

    python3 eng/factors/build-default-factors.py      (no arguments; run from any directory)
    python3 eng/factors/build-default-factors.py --out DIR   (writes into DIR instead)

The openly licensed datasets (UK DESNZ, Ember, US EPA, CBAM) and the manifest come from build-open-datasets.py, which
reads the source files in eng/factors/sources/; run it after this script.

This script is the only source of src/Pcf.Accounting.Data/Data/*.json: it rewrites all four files. Never edit them
by hand. To add or change a value, put it in the tables below as data, with its source, transcription id and
confidence mark beside it, re-run the script and commit the script and the JSON together. Re-running it on a clean
checkout must leave no diff (`git status --short src/Pcf.Accounting.Data/Data` prints nothing); if it does, the
JSON was changed by other means and the script has to be brought up to date before anything else.
"""
import json, pathlib, sys

OUT = pathlib.Path(__file__).resolve().parents[2] / "src" / "Pcf.Accounting.Data" / "Data"
if len(sys.argv) == 3 and sys.argv[1] == "--out":  # the reproduction test writes elsewhere
    OUT = pathlib.Path(sys.argv[2])
VERSION = "2026.1"
CONF = {"V": "verified", "S": "secondary", "U": "unverified"}

def write(name, dataset, factors):
    doc = {"$schema": "../../../docs/schemas/pcf-factors-1.schema.json", "format": "pcf-factors/1", "dataset": dataset, "factors": factors}
    (OUT / name).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{name}: {len(factors)} factors")

def r(x, n=6):
    return float(f"{x:.{n}g}")

# ---------------------------------------------------------------- China grid, combustion CO2 (MEE & NBS)
SRC = {
    2021: ("MEE and NBS (China)", "Announcement 2024 No. 12 (2024-04-12): 2021 electricity CO2 emission factors", 2024, "http://www.hfyfsb.com/industry/elec/3596.html"),
    2022: ("MEE and NBS (China)", "Announcement of 2024-12-20: 2022 electricity CO2 emission factors", 2024, "https://dhirubhai.net/pulse/grid-emission-factor-key-progress-chinas-climate-4nklc"),
    2023: ("MEE and NBS (China)", "Release of January 2026: 2023 electricity CO2 emission factors (Guangming Daily; China Electric Power News)", 2026, "https://www.163.com/dy/article/KIQVBKCG05567I2C.html"),
}
COMBUSTION_NOTE = ("Combustion CO2 only (for enterprise inventories, emissions trading and CBAM indirect emissions); "
                   "NOT a life-cycle factor: a cradle-to-gate footprint uses key electricity/grid. ")

def grid(key, name, region, year, value, mark, extra=""):
    pub, doc, pyear, url = SRC[year]
    note = COMBUSTION_NOTE + extra
    return {"key": key, "name": name, "perUnit": "kWh", "region": region, "year": year, "kind": "combustionOnly",
            "components": [{"gas": "CO2-fossil", "amount": value}],
            "source": {"publisher": pub, "document": doc, "year": pyear, "url": url, "confidence": CONF[mark], "note": note.strip()}}

g = []
for year, value, mark in [(2021, 0.5568, "U"), (2022, 0.5366, "V"), (2023, 0.5306, "V")]:
    g.append(grid("electricity/grid/combustion", "China national grid average, combustion CO2", "CN", year, value, mark,
                  "sector-methods.md 5.1: national average." + (" 2021 value not read this session [U]." if mark == "U" else "")))
for year, value, mark in [(2022, 0.5856, "V"), (2023, 0.6096, "V")]:
    g.append(grid("electricity/grid/combustion/excluding-market-non-fossil", "China national grid excluding market-traded non-fossil power, combustion CO2", "CN", year, value, mark, "sector-methods.md 5.1."))
for year, value, mark in [(2021, 0.8426, "U"), (2022, 0.8325, "U"), (2023, 0.8273, "V")]:
    g.append(grid("electricity/grid/combustion/fossil-only", "China national fossil-fuel power only, combustion CO2", "CN", year, value, mark, "sector-methods.md 5.1."))
REGIONS = [  # id, name, 2021 [S], 2022 [S], 2023 [V]
    ("CN-GRID-NORTH", "North China grid (华北)", 0.7120, 0.6776, 0.6361),
    ("CN-GRID-NORTHEAST", "Northeast China grid (东北)", 0.6012, 0.5564, 0.5122),
    ("CN-GRID-EAST", "East China grid (华东)", 0.5992, 0.5617, 0.5500),
    ("CN-GRID-CENTRAL", "Central China grid (华中)", 0.5354, 0.5395, 0.5271),
    ("CN-GRID-NORTHWEST", "Northwest China grid (西北)", 0.5951, 0.5857, 0.5543),
    ("CN-GRID-SOUTH", "South China grid (南方)", 0.4326, 0.3869, 0.4042),
    ("CN-GRID-SOUTHWEST", "Southwest China grid (西南)", 0.2113, 0.2268, 0.2472),
]
for rid, rname, v21, v22, v23 in REGIONS:
    g.append(grid("electricity/grid/combustion", f"{rname}, combustion CO2", rid, 2021, v21, "S", "sector-methods.md 5.1 regional table; also in the public transcription find_string id 18672665361."))
    g.append(grid("electricity/grid/combustion", f"{rname}, combustion CO2", rid, 2022, v22, "S", "sector-methods.md 5.1; consistent with the percentage changes printed in the 2023 release."))
    g.append(grid("electricity/grid/combustion", f"{rname}, combustion CO2", rid, 2023, v23, "V", "sector-methods.md 5.1."))
PROVINCES = [  # ISO 3166-2:CN, name, 2021, 2022 — all [S], sector-methods.md 5.1 (transcription find_string id 18672665361)
    ("CN-BJ", "Beijing 北京", 0.5688, 0.5580), ("CN-TJ", "Tianjin 天津", 0.7355, 0.7041), ("CN-HE", "Hebei 河北", 0.7901, 0.7252),
    ("CN-SX", "Shanxi 山西", 0.7222, 0.7096), ("CN-NM", "Inner Mongolia 内蒙古", 0.7025, 0.6849), ("CN-LN", "Liaoning 辽宁", 0.5876, 0.5626),
    ("CN-JL", "Jilin 吉林", 0.5629, 0.4932), ("CN-HL", "Heilongjiang 黑龙江", 0.6342, 0.5368), ("CN-SH", "Shanghai 上海", 0.5834, 0.5849),
    ("CN-JS", "Jiangsu 江苏", 0.6451, 0.5978), ("CN-AH", "Anhui 安徽", 0.7075, 0.6782), ("CN-FJ", "Fujian 福建", 0.4711, 0.4092),
    ("CN-JX", "Jiangxi 江西", 0.5835, 0.5752), ("CN-SD", "Shandong 山东", 0.6838, 0.6410), ("CN-HA", "Henan 河南", 0.6369, 0.6058),
    ("CN-HB", "Hubei 湖北", 0.3672, 0.4364), ("CN-HN", "Hunan 湖南", 0.5138, 0.4900), ("CN-GD", "Guangdong 广东", 0.4715, 0.4403),
    ("CN-GX", "Guangxi 广西", 0.5154, 0.4044), ("CN-HI", "Hainan 海南", 0.4524, 0.4184), ("CN-SC", "Sichuan 四川", 0.1255, 0.1404),
    ("CN-GZ", "Guizhou 贵州", 0.5182, 0.4989), ("CN-YN", "Yunnan 云南", 0.1235, 0.1073), ("CN-SN", "Shaanxi 陕西", 0.6336, 0.6558),
    ("CN-GS", "Gansu 甘肃", 0.4955, 0.4772), ("CN-QH", "Qinghai 青海", 0.1326, 0.1567), ("CN-NX", "Ningxia 宁夏", 0.6546, 0.6423),
    ("CN-XJ", "Xinjiang 新疆", 0.6577, 0.6231), ("CN-CQ", "Chongqing 重庆", 0.4743, 0.5227),
]
for pid, pname, v21, v22 in PROVINCES:
    for year, v in [(2021, v21), (2022, v22)]:
        g.append(grid("electricity/grid/combustion", f"{pname} provincial grid, combustion CO2", pid, year, v, "S",
                      "Provincial value, sector-methods.md 5.1 table, transcribed from a public front-end repository (find_string id 18672665361)."))
# Zhejiang is in the same transcription but not in sector-methods.md's table.
for year, v in [(2021, 0.5422), (2022, 0.5153)]:
    g.append(grid("electricity/grid/combustion", "Zhejiang 浙江 provincial grid, combustion CO2", "CN-ZJ", year, v, "S",
                  "Provincial value read from the public transcription find_string id 18672665361 (the source of sector-methods.md 5.1's table, which omits Zhejiang)."))
write("china-grid-combustion.json", {"id": "pcf-accounting/china-grid-combustion", "name": "China electricity CO2 emission factors (MEE & NBS), combustion only", "version": VERSION,
       "publisher": "MEE and NBS (China)", "licence": "Official government statistics (public announcements); values reproduced with source",
       "description": "National, regional-grid and provincial average CO2 emission factors of electricity, kg CO2 per kWh, for 2021-2023. Combustion CO2 only, not life-cycle."}, g)

# ---------------------------------------------------------------- China electricity carbon-footprint (life-cycle) factors 2023
LC = ("MEE, NBS and NEA (China)", "Announcement of 2025-01-17: 2023 electricity carbon-footprint factors (computed with China Electricity Council)", 2025, "http://nengy.net/a/xinnenyuanzixun/2025/0124/1821.html")
lc = []
for key, name, v in [("electricity/grid", "China national grid electricity, life-cycle carbon footprint", 0.6205),
                     ("electricity/wind", "Wind power, China, life-cycle carbon footprint", 0.0336),
                     ("electricity/solar-pv", "Solar photovoltaic power, China, life-cycle carbon footprint", 0.0545),
                     ("electricity/biomass", "Biomass power, China, life-cycle carbon footprint", 0.0457)]:
    lc.append({"key": key, "name": name, "perUnit": "kWh", "region": "CN", "year": 2023, "kind": "lifeCycle",
               "components": [{"gas": "CO2e", "amount": v}],
               "source": {"publisher": LC[0], "document": LC[1], "year": LC[2], "url": LC[3], "confidence": "verified",
                          "note": "Life-cycle (cradle-to-gate) kg CO2e per kWh; sector-methods.md 5.2. The GWP set used is not stated in the source seen, so no gwpBasis is given and it cannot be re-characterized."}})
write("china-electricity-lifecycle-2023.json", {"id": "pcf-accounting/china-electricity-lifecycle-2023", "name": "China electricity carbon-footprint factors 2023 (MEE, NBS, NEA)", "version": VERSION,
       "publisher": LC[0], "licence": "Official government statistics (public announcement); values reproduced with source",
       "description": "Life-cycle carbon-footprint factors of electricity in China for 2023, kg CO2e per kWh. Coal, gas, hydro, nuclear, CSP and T&D values of the annex were not seen and are not included."}, lc)

# ---------------------------------------------------------------- IPCC 2006 stationary combustion: CO2 (and CH4, N2O where sourced) per TJ, and per tonne via default NCV
# (IPCC fuel name, key, Table 1.2 NCV TJ/Gg, Table 1.4 / 2.2 default CO2 kg/TJ), all [S]: transcription in a public
# repository of IPCC 2006 Vol. 2 Ch. 1 Tables 1.2-1.4, which states it was checked against the PDF (find_string id 57962612721).
IPCC = [
    ("Anthracite", "anthracite", 26.7, 98300), ("Coking Coal", "coking-coal", 28.2, 94600),
    ("Other Bituminous Coal", "bituminous-coal", 25.8, 94600), ("Sub-Bituminous Coal", "sub-bituminous-coal", 18.9, 96100),
    ("Lignite", "lignite", 11.9, 101000), ("Coke Oven Coke and Lignite Coke", "coke", 28.2, 107000),
    ("Natural Gas", "natural-gas", 48.0, 56100), ("Residual Fuel Oil", "fuel-oil", 40.4, 77400),
    ("Gas/Diesel Oil", "diesel", 43.0, 74100), ("Liquefied Petroleum Gases", "lpg", 47.3, 63100),
    ("Petroleum Coke", "petroleum-coke", 32.5, 97500), ("Blast Furnace Gas", "blast-furnace-gas", 2.47, 260000),
    ("Coke Oven Gas", "coke-oven-gas", 38.7, 44400), ("Oxygen Steel Furnace Gas", "converter-gas", 7.06, 182000),
    ("Crude Oil", "crude-oil", 42.3, 73300), ("Motor Gasoline", "gasoline", 44.3, 69300),
    ("Refinery Gas", "refinery-gas", 49.5, 57600), ("Naphtha", "naphtha", 44.5, 73300),
    ("Jet Kerosene", "jet-kerosene", 44.1, 71500), ("Other Kerosene", "kerosene", 43.8, 71900),
]
# Default CH4 and N2O, kg per TJ on a net calorific basis (key: (CH4, N2O)), all [S]: IPCC 2006 Vol. 2 Ch. 2 Table 2.2
# (energy industries, p. 2.16) and Table 2.3 (manufacturing industries and construction, p. 2.18) give the same
# defaults for these fuels; transcription in a public repository's notes citing the tables with page numbers
# (find_string id 70869994136), not checked against the PDF. CH4 is entered as CH4-fossil. Fuels not listed here
# are given below from a second transcription of Table 2.3, marked unverified.
IPCC_CH4_N2O = {
    "natural-gas": (1, 0.1), "fuel-oil": (3, 0.6), "diesel": (3, 0.6), "lpg": (1, 0.1), "gasoline": (3, 0.6),
}
# Default CH4 and N2O for the other fuels, kg per TJ (key: (CH4, N2O)), from IPCC 2006 Vol. 2 Ch. 2 Table 2.3
# (manufacturing industries and construction, where a product's fuels burn; Table 2.2, energy industries, gives CH4 1
# instead of 10 for the coals and coke). Transcription: a public repository's Python data module citing
# V2_2_Ch2_Stationary_Combustion.pdf (read_file id 17116133435, dictionary s_combustion_manufacturing_construction).
# That transcription is not error-free (its natural-gas N2O reads 1.5 where Tables 2.2/2.3 and the transcription
# above give 0.1), so these factors are marked unverified as a whole: the least certain component sets the mark.
IPCC_CH4_N2O_T23 = {
    "anthracite": (10, 1.5), "coking-coal": (10, 1.5), "bituminous-coal": (10, 1.5), "sub-bituminous-coal": (10, 1.5),
    "lignite": (10, 1.5), "coke": (10, 1.5), "petroleum-coke": (3, 0.6), "blast-furnace-gas": (1, 0.1),
    "coke-oven-gas": (1, 0.1), "converter-gas": (1, 0.1), "crude-oil": (3, 0.6), "refinery-gas": (1, 0.1),
    "naphtha": (3, 0.6), "jet-kerosene": (3, 0.6), "kerosene": (3, 0.6),
}
IPCC_SRC_CH4_N2O_T23 = "2006 IPCC Guidelines for National GHG Inventories, Vol. 2 Ch. 2 Table 2.3 (default CO2 = Vol. 2 Ch. 1 Table 1.4)"
CH4_N2O_NOTE_T23 = (" CH4 and N2O [U]: Vol. 2 Ch. 2 Table 2.3 (manufacturing industries and construction), kg per TJ on a net calorific basis; "
                    "transcription in a public repository's data module citing the chapter (read_file id 17116133435), not checked against the PDF "
                    "and known to hold an error elsewhere (natural-gas N2O), hence the unverified mark on the whole factor. "
                    "Table 2.2 (energy industries) differs for coals and coke (CH4 1 kg/TJ).")
IPCC_SRC = ("IPCC", "2006 IPCC Guidelines for National GHG Inventories, Vol. 2 Ch. 2 Table 2.2 (default CO2 = Vol. 2 Ch. 1 Table 1.4)", 2006,
            "https://www.ipcc-nggip.iges.or.jp/public/2006gl/pdf/2_Volume2/V2_1_Ch1_Introduction.pdf")
IPCC_SRC_CH4_N2O = "2006 IPCC Guidelines for National GHG Inventories, Vol. 2 Ch. 2 Tables 2.2 and 2.3 (default CO2 = Vol. 2 Ch. 1 Table 1.4)"
CO2_TRANSCRIPTION = ("Transcription: public repository script of IPCC 2006 Vol. 2 Ch. 1 Tables 1.2-1.4 (find_string id 57962612721), stated as checked against the PDF. "
                     "Oxidation factor 1 (IPCC default).")
CH4_N2O_NOTE = (" CH4 and N2O: Vol. 2 Ch. 2 Table 2.2 (energy industries) and Table 2.3 (manufacturing industries and construction) give the same defaults "
                "for this fuel, kg per TJ on a net calorific basis; transcription in a public repository's notes citing the tables with page numbers "
                "(find_string id 70869994136), not checked against the PDF here. The CH4 and N2O defaults of the coal and other fuels are still left out: "
                "a second, less reliable transcription (Table 2.3) gives them, marked unverified.")
ip = []
for ipcc_name, key, ncv, co2 in IPCC:
    base = {"key": f"fuel-combustion/{key}", "region": "GLO", "kind": "combustionOnly"}
    per_t = co2 * ncv / 1000  # kg/TJ x TJ/Gg = kg/Gg; / 1000 = kg/t
    derived = f" Derived: {co2} kg CO2/TJ x NCV {ncv} TJ/Gg / 1000 = {r(per_t, 9)} kg CO2/t."
    confidence = "secondary"
    if key in IPCC_CH4_N2O or key in IPCC_CH4_N2O_T23:
        if key in IPCC_CH4_N2O:
            (ch4, n2o), document, ch4_note = IPCC_CH4_N2O[key], IPCC_SRC_CH4_N2O, CH4_N2O_NOTE
        else:
            (ch4, n2o), document, ch4_note, confidence = IPCC_CH4_N2O_T23[key], IPCC_SRC_CH4_N2O_T23, CH4_N2O_NOTE_T23, "unverified"
        ch4_t, n2o_t = r(ch4 * ncv / 1000, 9), r(n2o * ncv / 1000, 9)
        gases = "CO2, CH4 and N2O"
        per_tj = [{"gas": "CO2-fossil", "amount": co2}, {"gas": "CH4-fossil", "amount": ch4}, {"gas": "N2O", "amount": n2o}]
        per_tonne = [{"gas": "CO2-fossil", "amount": r(per_t, 9)}, {"gas": "CH4-fossil", "amount": ch4_t}, {"gas": "N2O", "amount": n2o_t}]
        note_tj = f"IPCC fuel '{ipcc_name}'. " + CO2_TRANSCRIPTION + ch4_note
        note_t = (f"IPCC fuel '{ipcc_name}'. " + CO2_TRANSCRIPTION + derived + ch4_note
                  + f" Per tonne: {ch4} kg CH4/TJ x {ncv} TJ/Gg / 1000 = {ch4_t} kg CH4/t; {n2o} kg N2O/TJ x {ncv} / 1000 = {n2o_t} kg N2O/t.")
    else:
        gases, document = "CO2", IPCC_SRC[1]
        per_tj = [{"gas": "CO2-fossil", "amount": co2}]
        per_tonne = [{"gas": "CO2-fossil", "amount": r(per_t, 9)}]
        note_tj = (f"IPCC fuel '{ipcc_name}'. CO2 only: the CH4 and N2O defaults of Table 2.2 could not be verified this session and are left out. "
                   + CO2_TRANSCRIPTION)
        note_t = note_tj + derived
    ip.append(dict(base, name=f"{ipcc_name}, stationary combustion, {gases} per TJ (NCV basis)", perUnit="TJ", components=per_tj,
                   source={"publisher": IPCC_SRC[0], "document": document, "year": IPCC_SRC[2], "url": IPCC_SRC[3], "confidence": confidence, "note": note_tj}))
    ip.append(dict(base, name=f"{ipcc_name}, stationary combustion, {gases} per tonne (IPCC default NCV)", perUnit="t", components=per_tonne,
                   source={"publisher": IPCC_SRC[0], "document": document + " x default NCV of Vol. 2 Ch. 1 Table 1.2", "year": IPCC_SRC[2], "url": IPCC_SRC[3], "confidence": confidence,
                           "note": note_t}))
write("ipcc-2006-stationary-combustion.json", {"id": "pcf-accounting/ipcc-2006-stationary-combustion", "name": "IPCC 2006 default factors and NCVs for stationary combustion", "version": VERSION,
       "publisher": "IPCC", "licence": "IPCC copyright; default values reproduced with source for inventory use",
       "description": "Default CO2 emission factors (kg per TJ, NCV basis; Vol. 2 Ch. 1 Table 1.4), with the CH4 and N2O defaults of Ch. 2 Tables 2.2/2.3 (natural gas, LPG, diesel, gasoline, residual fuel oil; secondary) and Table 2.3 (coals, coke, process gases and other oils; unverified), and, via the default net calorific values, per tonne of fuel. Combustion only, not life-cycle."}, ip)

# ---------------------------------------------------------------- China default fuel parameters (NDRC enterprise GHG guidelines 2013-2015)
# (key, name, NCV, NCV unit, carbon tC/GJ, oxidation %) — all [S], sector-methods.md 5.3 (transcription find_string id 18294087442).
CN = [
    ("anthracite", "Anthracite 无烟煤", 24.515, "t", 0.02749, 94), ("bituminous-coal", "Bituminous coal 烟煤", 23.204, "t", 0.02618, 93),
    ("lignite", "Lignite 褐煤", 14.449, "t", 0.02800, 96), ("washed-coal", "Washed coal 洗精煤", 26.344, "t", 0.02540, 93),
    ("coke", "Coke 焦炭", 28.446, "t", 0.02940, 93), ("crude-oil", "Crude oil 原油", 42.62, "t", 0.02010, 98),
    ("fuel-oil", "Fuel oil 燃料油", 40.19, "t", 0.02110, 98), ("gasoline", "Gasoline 汽油", 44.80, "t", 0.01890, 98),
    ("diesel", "Diesel 柴油", 43.33, "t", 0.02020, 98), ("petroleum-coke", "Petroleum coke 石油焦", 31.00, "t", 0.02750, 98),
    ("lpg", "LPG 液化石油气", 47.31, "t", 0.01720, 99), ("lng", "LNG 液化天然气", 41.868, "t", 0.01530, 99),
    ("natural-gas", "Natural gas 天然气", 389.31, "10^4 Nm3", 0.01530, 99), ("coke-oven-gas", "Coke-oven gas 焦炉煤气", 173.854, "10^4 Nm3", 0.01360, 99),
    ("blast-furnace-gas", "Blast-furnace gas 高炉煤气", 37.69, "10^4 Nm3", 0.07080, 99), ("converter-gas", "Converter gas 转炉煤气", 79.54, "10^4 Nm3", 0.04960, 99),
    ("refinery-gas", "Refinery dry gas 炼厂干气", 46.05, "t", 0.01820, 99),
]
CN_SRC = ("NDRC (China)", "Enterprise GHG accounting guidelines 2013-2015, default fuel parameters (industrial other sectors table); see GB/T 32150-2015 Annex", 2015)
cn = []
for key, name, ncv, unit, cc, of in CN:
    note = (f"NCV {ncv} GJ/{unit}, carbon content {cc} tC/GJ, oxidation {of} %: sector-methods.md 5.3, transcribed from a public repository "
            "(find_string id 18294087442); confirm against the guideline PDF before release. CO2 only.")
    per_gj = cc * of / 100 * 44 / 12 * 1000  # kg CO2 per GJ
    cn.append({"key": f"fuel-combustion/{key}", "name": f"{name}, combustion CO2 per GJ (China default)", "perUnit": "GJ", "region": "CN", "kind": "combustionOnly",
               "components": [{"gas": "CO2-fossil", "amount": r(per_gj, 9)}],
               "source": {"publisher": CN_SRC[0], "document": CN_SRC[1], "year": CN_SRC[2], "confidence": "secondary",
                          "note": note + f" Derived: {cc} x {of / 100} x 44/12 x 1000 = {r(per_gj, 9)} kg CO2/GJ."}})
    if unit == "t":
        per = ncv * cc * of / 100 * 44 / 12 * 1000  # kg CO2 per t
        cn.append({"key": f"fuel-combustion/{key}", "name": f"{name}, combustion CO2 per tonne (China default)", "perUnit": "t", "region": "CN", "kind": "combustionOnly",
                   "components": [{"gas": "CO2-fossil", "amount": r(per, 9)}],
                   "source": {"publisher": CN_SRC[0], "document": CN_SRC[1], "year": CN_SRC[2], "confidence": "secondary",
                              "note": note + f" Derived: {ncv} x {cc} x {of / 100} x 44/12 x 1000 = {r(per, 9)} kg CO2/t."}})
    else:
        per = ncv / 1e4 * cc * of / 100 * 44 / 12 * 1000  # kg CO2 per Nm3
        cn.append({"key": f"fuel-combustion/{key}", "name": f"{name}, combustion CO2 per Nm3 (China default)", "perUnit": "Nm3", "region": "CN", "kind": "combustionOnly",
                   "components": [{"gas": "CO2-fossil", "amount": r(per, 9)}],
                   "source": {"publisher": CN_SRC[0], "document": CN_SRC[1], "year": CN_SRC[2], "confidence": "secondary",
                              "note": note + f" Derived: {ncv}/10^4 x {cc} x {of / 100} x 44/12 x 1000 = {r(per, 9)} kg CO2/Nm3."}})
write("china-fuel-combustion-ndrc.json", {"id": "pcf-accounting/china-fuel-combustion-ndrc", "name": "China default fuel NCVs and carbon contents (NDRC enterprise GHG guidelines)", "version": VERSION,
       "publisher": "NDRC (China)", "licence": "Official government guideline; values reproduced with source",
       "description": "Combustion CO2 per GJ and per tonne or Nm3 of fuel from China's default NCV, carbon content per heat and oxidation rate. Combustion only, not life-cycle."}, cn)
