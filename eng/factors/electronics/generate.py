#!/usr/bin/env python3
"""Writes the factor datasets of Pcf.Accounting.Templates.Electronics (pcf-factors/1) from the published data files of
ACT (facebookresearch/ACT, MIT) and boaviztapi (Boavizta/boaviztapi, AGPL-3.0), read from local clones:

    python3 eng/factors/electronics/generate.py <ACT clone> <boaviztapi clone>

Only numbers are taken, each with the file it was read from; no code. The commits read are recorded in the datasets.
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ACT, BOAVIZTA = Path(sys.argv[1]), Path(sys.argv[2])
OUT = Path(__file__).resolve().parents[3] / "src/Pcf.Accounting.Templates.Electronics/Data"


def commit(repo):
    return subprocess.check_output(["git", "-C", str(repo), "rev-parse", "HEAD"], text=True).strip()


def number(text, unit):
    value, rest = text.split(" ", 1)
    assert rest.replace(" ", "") == unit.replace(" ", ""), (text, unit)
    return float(value)


def factor(key, name, per_unit, kg, document, note=None, url=None):
    f = {"key": key, "name": name, "perUnit": per_unit, "region": "GLO", "kind": "lifeCycle",
         "components": [{"gas": "CO2e", "amount": round(kg, 12)}], "source": {"document": document, "confidence": "verified"}}
    if url:
        f["source"]["url"] = url
    if note:
        f["source"]["note"] = note
    return f


def act():
    c = commit(ACT)
    y = lambda p: yaml.safe_load((ACT / p).read_text())
    doc = lambda p: f"ACT (Gupta et al., ISCA 2022), {p} at commit {c[:8]}"
    out = []
    gpa95, gpa99, mpa = y("act/models/logic/gpa_95.yaml"), y("act/models/logic/gpa_99.yaml"), y("act/models/logic/materials.yaml")
    for node in gpa95:
        g95, g99 = number(gpa95[node], "g / cm2"), number(gpa99[node], "g / cm2")
        out.append(factor(f"electronics/act/logic/{node}/gases-abatement-95", f"Fab process gases per cm2 of wafer, {node}, 95 % abatement (ACT GPA)",
                          "cm2", g95 / 1000, doc("act/models/logic/gpa_95.yaml"), "Table 1 of the ACT paper; kg CO2e per cm2 of wafer area processed."))
        out.append(factor(f"electronics/act/logic/{node}/gases-abatement-99", f"Fab process gases per cm2 of wafer, {node}, 99 % abatement (ACT GPA)",
                          "cm2", g99 / 1000, doc("act/models/logic/gpa_99.yaml"), "Table 1 of the ACT paper; kg CO2e per cm2 of wafer area processed."))
        out.append(factor(f"electronics/act/logic/{node}/gases-abatement-97", f"Fab process gases per cm2 of wafer, {node}, 97 % abatement (ACT GPA)",
                          "cm2", (g95 + g99) / 2 / 1000, doc("act/core/logic_model.py"),
                          f"The mean of the 95 % and 99 % values, as act/core/logic_model.py computes GPA97: ({g95:g} + {g99:g}) / 2 g per cm2."))
        out.append(factor(f"electronics/act/logic/{node}/materials", f"Fab raw materials per cm2 of wafer, {node} (ACT MPA)", "cm2",
                          number(mpa[node], "g / cm2") / 1000, doc("act/models/logic/materials.yaml")))
    out.append(factor("electronics/act/ic-package", "IC packaging, per package (ACT K_r)", "pc", 0.150, doc("act/core/common.py"),
                      "CARBON_PER_IC_PACKAGE = 150 g."))
    for path, kind in [("act/models/dram/dram_hynix.yaml", "dram"), ("act/models/ssd/ssd_hynix.yaml", "ssd"), ("act/models/ssd/ssd_seagate.yaml", "ssd"),
                       ("act/models/ssd/ssd_western.yaml", "ssd"), ("act/models/hdd/hdd_consumer.yaml", "hdd"), ("act/models/hdd/hdd_enterprise.yaml", "hdd")]:
        for process, text in y(path).items():
            slug = process.lower().replace(" ", "-")
            out.append(factor(f"electronics/act/{kind}/{slug}", f"{kind.upper()} manufacturing per GB of capacity, {process} (ACT)", "GB",
                              number(text, "g / GB") / 1000, doc(path), "Divided by the fab yield in the model (act/core/storage_model.py get_cpg)."))
    pcb = y("act/models/materials/pcb.yaml")
    for layers in (2, 4, 6, 8):
        out.append(factor(f"electronics/act/pcb/{layers}-layer", f"Printed circuit board, {layers} layers, per m2 (ACT)", "m2",
                          number(pcb[layers], "kg / m2"), doc("act/models/materials/pcb.yaml"),
                          "Weighted average of Table 4 of https://www.jstage.jst.go.jp/article/lca/13/3/13_256 as the ACT file states."))
    out.append(factor("electronics/act/pcb/per-layer", "Printed circuit board, per m2 and layer (ACT zero-intercept fit)", "m2",
                      number(pcb["cpla"], "kg / m2"), doc("act/models/materials/pcb.yaml"),
                      "Used for layer counts other than 2, 4, 6 and 8: area x layers x this factor."))
    out.append(factor("electronics/act/battery/nmc", "Li-ion battery, NMC cathode, per kWh (ACT)", "kWh", 87, doc("act/core/battery_model.py"),
                      "Middle of 59-115 kg CO2e/kWh, Nature Communications 2024, https://www.nature.com/articles/s41467-024-54634-y"))
    out.append(factor("electronics/act/battery/lfp", "Li-ion battery, LFP cathode, per kWh (ACT)", "kWh", 61.5, doc("act/core/battery_model.py"),
                      "Middle of 54-69 kg CO2e/kWh, Nature Communications 2024, https://www.nature.com/articles/s41467-024-54634-y"))
    mats = y("act/models/materials/materials.yaml")["materials"]
    out.append(factor("electronics/act/material/steel", "Steel, per kg (ACT, from worldsteel)", "kg", number(mats["steel"], "kg / kg"),
                      doc("act/models/materials/materials.yaml"), "worldsteel: climate change and the production of iron and steel."))
    out.append(factor("electronics/act/material/aluminium", "Aluminium, per kg (ACT, from the International Aluminium Institute)", "kg",
                      number(mats["alumnimum"], "kg / kg"), doc("act/models/materials/materials.yaml"), "Key spelled 'alumnimum' in the ACT file."))
    return c, out


def boavizta():
    c = commit(BOAVIZTA)
    f = {}
    for block in (BOAVIZTA / "boaviztapi/data/factors.yml").read_text().split("\n\n"):
        if block.strip():
            f.update(yaml.safe_load(block))
    doc = f"boaviztapi, boaviztapi/data/factors.yml at commit {c[:8]}"
    uba = "Values from Umweltbundesamt, Texte 94/2021 'Green Cloud Computing' (2021), as boaviztapi uses them."
    g = lambda item: f[item]["gwp"]
    out = [
        factor("electronics/boavizta/cpu/die", "CPU, per mm2 of die (Boavizta)", "mm2", g("cpu")["die_impact"], doc, uba),
        factor("electronics/boavizta/cpu/base", "CPU, per CPU besides the die (Boavizta)", "pc", g("cpu")["impact"], doc, uba),
        factor("electronics/boavizta/ram/die", "RAM, per cm2 of memory die (Boavizta)", "cm2", g("ram")["die_impact"], doc, uba),
        factor("electronics/boavizta/ram/base", "RAM module, per module besides the dies (Boavizta)", "pc", g("ram")["impact"], doc, uba),
        factor("electronics/boavizta/ssd/die", "SSD, per cm2 of flash die (Boavizta)", "cm2", g("ssd")["die_impact"], doc, uba),
        factor("electronics/boavizta/ssd/base", "SSD, per drive besides the dies (Boavizta)", "pc", g("ssd")["impact"], doc, uba),
        factor("electronics/boavizta/hdd", "HDD, per drive (Boavizta)", "pc", g("hdd")["impact"], doc, uba),
        factor("electronics/boavizta/motherboard", "Server motherboard, per board (Boavizta)", "pc", g("motherboard")["impact"], doc, uba),
        factor("electronics/boavizta/power-supply", "Power supply, per kg (Boavizta)", "kg", g("power_supply")["impact"], doc, uba),
        factor("electronics/boavizta/assembly", "Server assembly, per server (Boavizta)", "pc", g("assembly")["impact"], doc, uba),
        factor("electronics/boavizta/case/rack", "Rack server case, per case (Boavizta)", "pc", g("case")["rack"]["impact"], doc, uba),
        factor("electronics/boavizta/case/blade-server", "Blade server, per blade (Boavizta)", "pc", g("case")["blade"]["impact_blade_server"], doc, uba),
        factor("electronics/boavizta/case/blade-enclosure-16", "Blade enclosure with 16 slots, per enclosure (Boavizta)", "pc",
               g("case")["blade"]["impact_blade_16_slots"], doc, uba + " A blade takes 1/16 of an enclosure."),
    ]
    return c, out


def write(name, dataset, factors):
    doc = {"$schema": "../../../docs/schemas/pcf-factors-1.schema.json", "format": "pcf-factors/1", "dataset": dataset, "factors": factors}
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    (OUT / name).write_text(text)
    print(name, len(factors))


c, fs = act()
write("act-factors.json", {
    "id": "pcf-accounting/electronics-act", "name": "ACT architectural carbon model: per-area, per-capacity and per-unit factors",
    "version": f"act-{c[:8]}", "publisher": "Meta Platforms, Inc. and affiliates (facebookresearch/ACT)", "licence": "MIT (facebookresearch/ACT LICENSE)",
    "url": "https://github.com/facebookresearch/ACT",
    "description": f"Gupta et al., ACT: Designing Sustainable Computer Systems with an Architectural Carbon Modeling Tool, ISCA 2022, doi:10.1145/3470496.3527408. Read from the model files of the repository at commit {c}. kg CO2e per unit; GWP basis not stated by the source."}, fs)
c, fs = boavizta()
write("boavizta-factors.json", {
    "id": "pcf-accounting/electronics-boavizta", "name": "Boavizta component factors (global warming potential, manufacture)",
    "version": f"boaviztapi-{c[:8]}", "publisher": "Boavizta (boaviztapi)", "licence": "boaviztapi is AGPL-3.0; the numbers are those of Umweltbundesamt Texte 94/2021, reproduced with citation",
    "url": "https://github.com/Boavizta/boaviztapi",
    "description": f"Embedded (manufacture) GWP of server components, kg CO2e, from boaviztapi/data/factors.yml at commit {c}, which takes them from Umweltbundesamt, Texte 94/2021 Green Cloud Computing, https://www.umweltbundesamt.de/sites/default/files/medien/5750/publikationen/2021-06-17_texte_94-2021_green-cloud-computing.pdf"}, fs)
