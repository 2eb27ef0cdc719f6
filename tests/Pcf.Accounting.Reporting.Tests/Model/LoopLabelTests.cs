using System.Text;
using Pcf.Accounting.Engine;
using Pcf.Accounting.Factors;
using Pcf.Accounting.Json;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Model;

/// <summary>A loop of many processes is named by its largest members and a count, so a big system's loop stays one readable label.</summary>
public sealed class LoopLabelTests
{
    [Fact]
    public async Task ToHtml_LoopOfSixProcesses_NamesTheLargestThreeAndCountsTheRest()
    {
        // A ring: process i makes F{i} from 0.2 kg of F{i+1} (the last from F0) and emits i + 1 kg CO2, so all six form one loop
        // and the later processes contribute most.
        var json = new StringBuilder("{ \"format\": \"pcf-system/1\", \"name\": \"ring\", \"referenceProduct\": { \"flow\": \"F0\" }, \"declaredUnit\": { \"amount\": 1, \"unit\": \"kg\" }, \"flows\": [");
        json.Append(string.Join(", ", Enumerable.Range(0, 6).Select(i => $"{{ \"id\": \"F{i}\", \"name\": \"F{i}\", \"unit\": \"kg\" }}")));
        json.Append("], \"processes\": [");
        json.Append(string.Join(", ", Enumerable.Range(0, 6).Select(i =>
            $"{{ \"id\": \"p{i}\", \"name\": \"ring {i}\", \"output\": {{ \"flow\": \"F{i}\", \"amount\": 1, \"unit\": \"kg\" }}, " +
            $"\"inputs\": [ {{ \"flow\": \"F{(i + 1) % 6}\", \"amount\": 0.2, \"unit\": \"kg\" }} ], " +
            $"\"emissions\": [ {{ \"gas\": \"CO2-fossil\", \"amount\": {i + 1}, \"unit\": \"kg\" }} ] }}")));
        json.Append("] }");
        var system = ProductSystemJson.Read(Encoding.UTF8.GetBytes(json.ToString()));
        Assert.True(system.IsValid, string.Join("; ", system.Problems));
        var result = await new FootprintCalculator(new FactorResolver([])).CalculateAsync(system.Value);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));

        var chain = SupplyChainBuilder.Build(result.Value, 0, 30)!;
        var loop = Assert.Single(chain.Nodes, n => n.Kind == SupplyNodeKind.Loop);
        Assert.Equal(6, loop.Members.Length);
        var byContribution = result.Value.ByProcess.OrderByDescending(p => Math.Abs(p.Total.Value)).Select(p => system.Value.GetProcess(p.Process).Name);
        Assert.Equal(byContribution, loop.Members);
        Assert.Equal(string.Join(" ⇄ ", loop.Members.Take(3)), loop.Name);

        var page = Page.Parse(FootprintReport.ToHtml(result.Value));
        Assert.Contains(page.Table("supply-chain").QuerySelectorAll("td"), td => td.TextContent == $"Loop: {loop.Name} and 3 more");
        var zh = Page.Parse(FootprintReport.ToHtml(result.Value, new FootprintReportOptions { Language = ReportLanguage.Chinese }));
        Assert.Contains(zh.Table("supply-chain").QuerySelectorAll("td"), td => td.TextContent == $"循环：{loop.Name} 等（另有 3 个过程）");
    }
}
