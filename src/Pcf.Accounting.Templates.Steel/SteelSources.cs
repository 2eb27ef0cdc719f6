namespace Pcf.Accounting.Templates.Steel;

/// <summary>The documents the steel templates take their methods and defaults from. Confidence marks: [V] read in the source,
/// [S] from a secondary transcription, [U] not read this time (recalled or from earlier notes): check before relying on it.</summary>
internal static class SteelSources
{
    public const string IpccTier1 = "IPCC 2006 Guidelines for National GHG Inventories, Vol. 3 Ch. 4 (Metal Industry), Table 4.1, Tier 1 CO2 emission factors, 2006";

    public const string IpccTable43 = "IPCC 2006 Guidelines, Vol. 3 Ch. 4, Table 4.3, material-specific carbon contents, 2006";

    public const string IpccTier2 = "IPCC 2006 Guidelines, Vol. 3 Ch. 4, Tier 2 carbon mass balance for iron and steel (Eq. 4.9 family; equation numbers not re-read [U]): CO2 = (carbon in - carbon out) x 44/12";

    public const string Ndrc = "NDRC enterprise GHG accounting guidelines 2013-2015, default fuel parameters (industrial other sectors table; see GB/T 32150-2015 Annex), as transcribed in a public repository [S]";

    public const string IpccGlobalAverage = "IPCC Emission Factor Database record 214098 (IPCC 2006 Vol. 3 Ch. 4, Tier 1 global average: 65 % BOF, 30 % EAF, 5 % OHF) [V]";

    public const string Broadbent2016 = "Broadbent C., Steel's recyclability: demonstrating the benefits of recycling steel to achieve a circular economy, Int J LCA 21:1658-1665 (2016), worldsteel methodology";

    public const string WorldsteelValueOfScrap = "worldsteel LCI methodology report 2017 (ISBN 978-2-930069-89-0), Appendix 10 (closed material loop recycling): LCI including end of life = X - (RR - S) x Y(X_pr - X_re) [formula recalled, U]; value of scrap Y(X_pr - X_re) as in " + Broadbent2016;

    public const string SystemExpansion = "ISO 14044:2006 cl. 4.3.4.2 (avoid allocation by expanding the system) and ISO 14067:2018 cl. 6.4.6; worldsteel LCI methodology report 2017 (co-products by system expansion; detail not re-read [U])";

    public const string EconomicAllocation = "EN 15804:2012+A2:2019 cl. 6.4.3.2, co-product allocation: by physical properties where revenues differ little, else by economic value; no substitution within modules A1-A3 [S: as quoted in published EPDs]";

    public const string GridLifeCycle = "MEE, NBS and NEA announcement of 2025-01-17: 2023 electricity carbon-footprint factors, national 0.6205 kg CO2e/kWh (life cycle) [V]";

    public const string GridCombustion = "MEE and NBS grid CO2 emission factors 2021-2023 (combustion only; national, regional grids, provinces), 2023 values published January 2026 [V for 2023]";

    public const string Cbam = "Regulation (EU) 2023/956 Annex IV (specific embedded emissions of complex goods: SEE = (AttrEm + sum M_i x SEE_i) / AL); iron and steel count direct emissions only in the definitive period [U]";

    public const string HsChapter72 = "HS 2022 / EU Combined Nomenclature, chapter 72 headings (7207 semi-finished, 7208 hot-rolled flat, 7209 cold-rolled flat, 7210 clad or coated flat, 7213 wire rod) [U: headings not re-read]";

    public const string NoneUnlessStated = "template default: none unless the site states it";

    public const string TemplateChoice = "template default (a method choice, not a measured value)";

    public const string Plausibility = "template rule: a site figure outside half to twice the IPCC Tier 1 factor is flagged (a screening heuristic, not a published threshold)";
}
