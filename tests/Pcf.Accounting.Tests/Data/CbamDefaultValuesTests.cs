using System.Text;
using Pcf.Accounting.Data;
using Pcf.Accounting.Factors;

namespace Pcf.Accounting.Tests.Data;

public class CbamDefaultValuesTests
{
    [Fact]
    public void HotRolledFromChina_IsTheTranscribedRow_WithItsProvenance()
    {
        // eng/factors/sources/cbam/cbamdefaults.com-7208.txt line 14: 'China3.193.193.513.824.14(C)':
        // direct 3.19, indirect empty, total 3.19; with the 2026/2027/2028 mark-ups 3.51, 3.82, 4.14 (3.19 x 1.1 = 3.509).
        var match = CbamDefaultValues.Find("7208", "CN");
        Assert.NotNull(match);
        var v = match.Value;
        Assert.Equal((3.19, (double?)null, 3.19), (v.Direct, v.Indirect, v.Total));
        Assert.Equal([3.51, 3.82, 4.14], v.TotalWithMarkUp.Values);
        Assert.Equal([2026, 2027, 2028], v.TotalWithMarkUp.Keys);
        Assert.Equal("C", v.ProductionRoute);
        Assert.False(match.IsCnCodeFallback);
        Assert.False(match.IsCountryFallback);
        Assert.Equal(FactorConfidence.Secondary, v.Provenance.Confidence);
        Assert.Equal("pcf-accounting/cbam-default-values", v.Provenance.Dataset);
        Assert.Equal("https://cbamdefaults.com/cbam/product/7208", v.Provenance.Url);
        Assert.Contains("line 14", v.Provenance.Note, StringComparison.Ordinal);
        Assert.Contains("2025/2621", v.Provenance.Document, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(v.Provenance.Licence));
    }

    [Fact]
    public void EightDigitCode_FallsBackToItsHeading_AndTheFallbackIsRecorded()
    {
        var match = CbamDefaultValues.Find("7208 51 20", "JP");
        Assert.NotNull(match);
        Assert.Equal("7208", match.Value.CnCode);
        Assert.Equal("72085120", match.RequestedCnCode);
        Assert.True(match.IsCnCodeFallback);
        Assert.Equal(2.10, match.Value.Direct); // cbamdefaults.com-7208.txt line 29: 'Japan2.102.102.312.522.73(C)'
        Assert.Contains("asked for 72085120", match.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnlistedCountry_TakesOtherCountriesAndTerritories_AndTheFallbackIsRecorded()
    {
        // cbamdefaults.com-72071210.txt line 11: 'Other Countries and Territories4.004.004.404.805.19(C)'.
        var match = CbamDefaultValues.Find("72071210", "NO");
        Assert.NotNull(match);
        Assert.Equal(CbamDefaultValues.OtherCountries, match.Value.Country);
        Assert.True(match.IsCountryFallback);
        Assert.Equal(4.00, match.Value.Direct);
        Assert.Contains("no value for NO", match.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AluminiumAndHydrogen_CarryTheirFiveCountries()
    {
        // autocbam.com-7605.txt line 7 'China4.88084.8808'; autocbam.com-28041000.txt line 7 'China26.6426.64'.
        Assert.Equal(4.8808, CbamDefaultValues.Find("7605", "CN")!.Value.Direct);
        Assert.Equal(26.64, CbamDefaultValues.Find("2804 10 00", "CN")!.Value.Total);
        Assert.Null(CbamDefaultValues.Find("2523 10 00", "CN")); // no cement row could be transcribed
    }

    [Fact]
    public void Read_AnOfficialCopy_AndRejectsBadInputNamingThePath()
    {
        // INVENTED values for the format test only (not published defaults).
        const string json = """
            { "format": "pcf-cbam-defaults/1",
              "dataset": { "id": "my-copy", "version": "1", "publisher": "European Commission", "document": "my transcription (invented values)" },
              "values": [ { "cn": "2523 10 00", "country": "CN", "direct": 1.0, "indirect": 0.1, "total": 1.1 } ] }
            """;
        var table = CbamDefaultsTable.Read(Encoding.UTF8.GetBytes(json), "my.json");
        var clinker = table.Find("25231000", "CN")!.Value;
        Assert.Equal((1.0, (double?)0.1, 1.1), (clinker.Direct, clinker.Indirect, clinker.Total));

        var e = Assert.Throws<InvalidDataException>(() => CbamDefaultsTable.Read(Encoding.UTF8.GetBytes(json.Replace("\"total\": 1.1", "\"total\": 2.1", StringComparison.Ordinal)), "my.json"));
        Assert.Contains("my.json: $.values[0]: direct + indirect must equal total", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => CbamDefaultsTable.Read(Encoding.UTF8.GetBytes(json.Replace("\"direct\": 1.0", "\"direct\": -1", StringComparison.Ordinal)), "my.json"));
        Assert.Contains("$.values[0].direct must be a number of at least 0", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<InvalidDataException>(() => CbamDefaultsTable.Read(Encoding.UTF8.GetBytes(json.Replace("2523 10 00", "25x", StringComparison.Ordinal)), "my.json"));
        Assert.Contains("$.values[0].cn", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => table.Find("ab", "CN"));
    }
}
