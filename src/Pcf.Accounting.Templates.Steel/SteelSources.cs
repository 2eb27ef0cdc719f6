namespace Pcf.Accounting.Templates.Steel;

/// <summary>The documents the steel templates take their methods and defaults from, each with its licence and confidence mark:
/// [V] read in the source, [S] from a secondary transcription, [U] not read this time (recalled or from earlier notes): check
/// before relying on it.</summary>
/// <remarks>Licences: the IPCC Guidelines and database, the NDRC guidelines, the MEE/NBS/NEA announcements, EU legal acts and the
/// worldsteel report are public documents, and their numbers are used as facts with their source; ISO and CEN standards are
/// copyrighted and cited by clause only (no text of theirs is reproduced); Broadbent (2016) is an open-access article.</remarks>
internal static class SteelSources
{
    /// <summary>IPCC 2006 Vol. 3 Ch. 4 Table 4.1 (2006). Licence: a public document of the IPCC, free to download; the factors are
    /// cited as facts with their source. Sinter, coke, pig iron, DRI, BOF and EAF read in the source [V]; open hearth 1.72 and
    /// pellets 0.03 not [U] (see <see cref="SteelTier1"/>).</summary>
    public const string IpccTier1 = "IPCC 2006 Guidelines for National GHG Inventories, Vol. 3 Ch. 4 (Metal Industry), Table 4.1, Tier 1 CO2 emission factors, 2006";

    /// <summary>IPCC 2006 Vol. 3 Ch. 4 Table 4.3 (2006), public document of the IPCC. Coke, limestone, dolomite and electrodes read
    /// [V]; steel and pig iron from the GHG Protocol iron and steel tool's transcription [S]; coking coal, charge carbon, DRI and
    /// coal tar not re-read [U]. Each parameter's source text carries its own mark.</summary>
    public const string IpccTable43 = "IPCC 2006 Guidelines, Vol. 3 Ch. 4, Table 4.3, material-specific carbon contents, 2006";

    /// <summary>IPCC 2006 Vol. 3 Ch. 4, Tier 2 mass balance (2006), public document of the IPCC. The structure of the equation is
    /// recalled and agrees with the GHG Protocol iron and steel tool's description; the equation number was not re-read [U].</summary>
    public const string IpccTier2 = "IPCC 2006 Guidelines, Vol. 3 Ch. 4, Tier 2 carbon mass balance for iron and steel (Eq. 4.9 family; equation numbers not re-read [U]): CO2 = (carbon in - carbon out) x 44/12";

    /// <summary>NDRC enterprise GHG accounting guidelines (2013-2015), default fuel parameters: public documents of the Chinese
    /// government. Read only in a public repository's transcription [S]; to confirm against the guideline or GB/T 32150-2015 Annex.</summary>
    public const string Ndrc = "NDRC enterprise GHG accounting guidelines 2013-2015, default fuel parameters (industrial other sectors table; see GB/T 32150-2015 Annex), as transcribed in a public repository [S]";

    /// <summary>IPCC Emission Factor Database record 214098 (public database of the IPCC): the 65/30/5 % global mix and 1.06 t CO2/t [V].</summary>
    public const string IpccGlobalAverage = "IPCC Emission Factor Database record 214098 (IPCC 2006 Vol. 3 Ch. 4, Tier 1 global average: 65 % BOF, 30 % EAF, 5 % OHF) [V]";

    /// <summary>Broadbent, Int J LCA 21:1658-1665 (2016): an open-access article (Springer, the author 2016). Its abstract's
    /// 1.5 kg CO2e per kg of scrap was read [V].</summary>
    public const string Broadbent2016 = "Broadbent C., Steel's recyclability: demonstrating the benefits of recycling steel to achieve a circular economy, Int J LCA 21:1658-1665 (2016), worldsteel methodology";

    /// <summary>worldsteel LCI methodology report 2017, Appendix 10: a public report of the World Steel Association. The closed-loop
    /// approach was read in an excerpt [V]; the formula is recalled [U].</summary>
    public const string WorldsteelValueOfScrap = "worldsteel LCI methodology report 2017 (ISBN 978-2-930069-89-0), Appendix 10 (closed material loop recycling): LCI including end of life = X - (RR - S) x Y(X_pr - X_re) [formula recalled, U]; value of scrap Y(X_pr - X_re) as in " + Broadbent2016;

    /// <summary>ISO 14044:2006 and ISO 14067:2018 are copyrighted standards (ISO), cited by clause only; the clause texts were not
    /// re-read [U]. worldsteel's report is public; its co-product detail was not re-read [U].</summary>
    public const string SystemExpansion = "ISO 14044:2006 cl. 4.3.4.2 (avoid allocation by expanding the system) and ISO 14067:2018 cl. 6.4.6 [U: clause texts not re-read]; worldsteel LCI methodology report 2017 (co-products by system expansion; detail not re-read [U])";

    /// <summary>EN 15804:2012+A2:2019 (CEN, copyrighted), cited by clause; the rule was read only as quoted in published EPDs [S].</summary>
    public const string EconomicAllocation = "EN 15804:2012+A2:2019 cl. 6.4.3.2, co-product allocation: by physical properties where revenues differ little, else by economic value; no substitution within modules A1-A3 [S: as quoted in published EPDs]";

    /// <summary>MEE, NBS and NEA announcement of 2025-01-17 (public government announcement): national 0.6205 kg CO2e/kWh [V].</summary>
    public const string GridLifeCycle = "MEE, NBS and NEA announcement of 2025-01-17: 2023 electricity carbon-footprint factors, national 0.6205 kg CO2e/kWh (life cycle) [V]";

    /// <summary>MEE and NBS announcements (public government announcements): the 2023 national and regional values [V]; 2022 regional
    /// and 2021-2022 provincial values from transcriptions [S]; 2021 national [U]. The values themselves live in Pcf.Accounting.Data.</summary>
    public const string GridCombustion = "MEE and NBS grid CO2 emission factors 2021-2023 (combustion only; national, regional grids, provinces), 2023 values published January 2026 [V for 2023]";

    /// <summary>Regulation (EU) 2023/956 (EUR-Lex; EU legal acts are free to reuse with their source). The complex-goods formula was
    /// recalled [U]; the simple-goods structure was read in a transcription [V-structure]; direct-only for iron and steel [U].</summary>
    public const string Cbam = "Regulation (EU) 2023/956 Annex IV (specific embedded emissions of complex goods: SEE = (AttrEm + sum M_i x SEE_i) / AL); iron and steel count direct emissions only in the definitive period [U]";

    /// <summary>HS 2022 (WCO) and the EU Combined Nomenclature (Council Regulation (EEC) No 2658/87 Annex I, EUR-Lex): the
    /// chapter 72 headings of <see cref="SteelProduct"/>, from memory, not re-read [U].</summary>
    public const string HsChapter72 = "HS 2022 / EU Combined Nomenclature, chapter 72 headings (7207 semi-finished, 7208 hot-rolled flat, 7209 cold-rolled flat, 7210 clad or coated flat, 7213 wire rod) [U: headings not re-read]";

    /// <summary>No number: a site amount that is zero unless stated.</summary>
    public const string NoneUnlessStated = "template default: none unless the site states it";

    /// <summary>No source: a method choice of these templates.</summary>
    public const string TemplateChoice = "template default (a method choice, not a measured value)";

    /// <summary>A screening rule of these templates, not a published threshold.</summary>
    public const string Plausibility = "template rule: a site figure outside half to twice the IPCC Tier 1 factor is flagged (a screening heuristic, not a published threshold)";
}
