using System.Globalization;
using System.Text;
using Pcf.Accounting.Reporting.Model;
using Pcf.Accounting.Reporting.Svg;
using static Pcf.Accounting.Reporting.Html.HtmlText;

namespace Pcf.Accounting.Reporting.Html;

/// <summary>Renders a <see cref="ReportModel"/> as one self-contained HTML page: inline CSS, inline SVG, no script, no external reference.</summary>
/// <remarks>
/// <para>Every number in a table cell carries its exact value in <c>data-value</c> (round-trip form) beside the rounded text, so
/// machines (and the tests) read the exact figures. Every chart is a <c>figure</c> holding the SVG (with <c>title</c> and
/// <c>desc</c>) and a table of its data.</para>
/// <para>The page is plain HTML5 with a print stylesheet (no navigation, no page breaks inside figures and tables) and a
/// narrow-screen layout (tables and the supply-chain diagram scroll sideways on a phone).</para>
/// </remarks>
internal sealed class HtmlReportWriter
{
    private readonly ReportModel _model;
    private readonly FootprintReportOptions _options;
    private readonly Labels _l;
    private readonly StringBuilder _html = new(64 * 1024);
    private readonly List<(string Id, string Title)> _sections = [];

    private HtmlReportWriter(ReportModel model, FootprintReportOptions options)
    {
        _model = model;
        _options = options;
        _l = Labels.For(options.Language);
    }

    /// <summary>Renders the page.</summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Language and limits.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(ReportModel model, FootprintReportOptions options) => new HtmlReportWriter(model, options).Render();

    private string Render()
    {
        var h = _model.Header;
        string title = _options.Title ?? h.SystemName;

        // The body first (it collects the sections for the contents), then the page around it.
        var body = _html;
        Headline();
        Reported();
        Contributions();
        SupplyChainSection();
        Factors();
        Allocations();
        Quality();
        WarningsSection();
        TemplateSectionHtml();
        UncertaintySectionHtml();
        PactSectionHtml();

        var page = new StringBuilder(body.Length + 16 * 1024);
        page.Append("<!DOCTYPE html>\n");
        page.Append(CultureInfo.InvariantCulture, $"<html lang=\"{_l.Tag}\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Append("<meta name=\"generator\" content=\"Pcf.Accounting.Reporting\">\n");
        page.Append(CultureInfo.InvariantCulture, $"<title>{Escape(title)} – {Escape(_l["title"])}</title>\n");
        page.Append("<style>").Append(Styles.Css).Append("</style>\n</head>\n<body>\n");
        page.Append("<header class=\"page\">\n");
        page.Append(CultureInfo.InvariantCulture, $"<p class=\"kicker\">{Escape(_l["title"])}</p>\n<h1>{Escape(title)}</h1>\n");
        page.Append("<dl class=\"meta\">");
        Meta(page, _l["product"], $"{h.Product} ({h.ProductId})");
        Meta(page, _l["declaredUnit"], $"{Numbers.Display(h.DeclaredAmount)} {h.DeclaredUnit}");
        Meta(page, _l["ruleSet"], $"{h.RuleSetName} ({h.RuleSetId})");
        Meta(page, _l["boundary"], _l.Or("boundary." + h.Boundary, h.Boundary));
        Meta(page, _l["gwpSet"], $"{h.GwpSetName} ({h.GwpSetId})");
        if (h.Region is not null)
        {
            Meta(page, _l["region"], h.Region);
        }

        if (h.Year is { } year)
        {
            Meta(page, _l["year"], year.ToString(CultureInfo.InvariantCulture));
        }

        page.Append("</dl>\n</header>\n");
        page.Append(CultureInfo.InvariantCulture, $"<nav class=\"contents\" aria-label=\"{Escape(_l["contents"])}\"><ol>");
        foreach (var (id, name) in _sections)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{Escape(name)}</a></li>");
        }

        page.Append("</ol></nav>\n<main>\n").Append(body).Append("</main>\n");
        page.Append(CultureInfo.InvariantCulture, $"<footer><p>{Escape(_l["madeWith"])}</p></footer>\n</body>\n</html>\n");
        return page.ToString();
    }

    private string DeclaredUnitText => $"{Numbers.Display(_model.Header.DeclaredAmount)} {_model.Header.DeclaredUnit} {_model.Header.Product}";

    private void Headline()
    {
        Open("headline", _l["headline"]);
        _html.Append("<div class=\"totals\">");
        Total("totalExcluding", _model.TotalExcludingBiogenicUptake);
        Total("totalIncluding", _model.TotalIncludingBiogenicUptake);
        _html.Append("</div>\n");
        Close();
    }

    private void Total(string key, double value)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<div class=\"total\" data-total=\"{key}\"><p class=\"what\">{Escape(_l[key])}</p>");
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"figure\"><data value=\"{Numbers.Exact(value)}\">{Numbers.Display(value)}</data></p>");
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"unit\">{Escape(_l.Format("perUnit", DeclaredUnitText))}</p></div>");
    }

    private void Reported()
    {
        Open("reported", _l["reported"]);
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Escape(_l["reported.note"])}</p>\n");
        TableStart("reported", _l["quantity"], _l["pactField"], Num(_l["co2e"]));
        foreach (var row in _model.Reported)
        {
            string name = (row.IsPartOf ? _l["ofWhich"] + ": " : string.Empty) + _l.Or("q." + row.Key, row.Key);
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(row.Key)}\"{(row.Co2e == 0 ? " class=\"zero\"" : string.Empty)}>");
            Cell(name, row.IsPartOf ? "indent" : null);
            Cell(row.Key, "code");
            Number(row.Co2e);
            _html.Append("</tr>\n");
        }

        TableEnd();
        Close();
    }

    private void Contributions()
    {
        int maxRows = _options.MaximumTableRows;

        // By stage.
        Open("stage", _l["byStage"]);
        Bars("chart-stage", _l["byStage"], [.. _model.ByStage.Select(s => new BarChart.Bar(StageLabel(s.Stage), s.Co2e, Numbers.Percent(s.Share)))], keepOrder: true);
        TableStart("stage", _l["stage"], Num(_l["co2e"]), Num(_l["share"]));
        foreach (var s in _model.ByStage)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(s.Stage)}\">");
            Cell(StageLabel(s.Stage));
            Number(s.Co2e);
            Share(s.Share);
            _html.Append("</tr>\n");
        }

        TableEnd();
        FigureEnd();
        Close();

        // By process.
        Open("process", _l["byProcess"]);
        Bars("chart-process", _l["byProcess"], [.. _model.ByProcess.Select(p => (Label: p.Name, p.Co2e, p.Share))
            .Select(p => new BarChart.Bar(p.Label, p.Co2e, Numbers.Percent(p.Share)))]);
        TableStart("process", _l["process"], _l["stage"], Num(_l["runs"]), Num(_l["direct"]), Num(_l["background"]), Num(_l["co2e"]), Num(_l["share"]));
        foreach (var p in _model.ByProcess.Take(maxRows))
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(p.Id)}\">");
            Cell(p.Name == p.Id ? p.Id : $"{p.Name} ({p.Id})");
            Cell(StageLabel(p.Stage));
            Number(p.Runs);
            Number(p.Direct);
            Number(p.Background);
            Number(p.Co2e);
            Share(p.Share);
            _html.Append("</tr>\n");
        }

        More(_model.ByProcess.Length, maxRows, _model.ByProcess.Skip(maxRows).Sum(p => p.Co2e), 7);
        TableEnd();
        FigureEnd();
        Close();

        // By gas.
        Open("gas", _l["byGas"]);
        Bars("chart-gas", _l["byGas"], [.. _model.ByGas.Select(g => new BarChart.Bar(g.Gas ?? _l["gas.co2eOnly"], g.Co2e, Numbers.Percent(g.Share)))]);
        TableStart("gas", _l["gas"], Num(_l["mass"]), Num(_l["co2e"]), Num(_l["share"]));
        foreach (var g in _model.ByGas)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(g.Gas ?? "CO2e")}\">");
            Cell(g.Gas ?? _l["gas.co2eOnly"]);
            if (g.MassKg is { } mass)
            {
                Number(mass);
            }
            else
            {
                Cell(string.Empty);
            }

            Number(g.Co2e);
            Share(g.Share);
            _html.Append("</tr>\n");
        }

        TableEnd();
        FigureEnd();
        Close();
    }

    private void Factors()
    {
        Open("factors", _l["factors"]);
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Escape(_l["factors.note"])}</p>\n");
        if (_model.ByFactor.IsEmpty)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p>{Escape(_l["factors.none"])}</p>\n");
            Close();
            return;
        }

        Bars("chart-factor", _l["byFactor"], [.. _model.ByFactor.Select(f => new BarChart.Bar(f.Label, f.Co2e, Numbers.Percent(f.Share)))]);
        TableStart("factor", _l["factor"], _l["region"], _l["year"], Num(_l["amountUsed"]), _l["unit"], Num(_l["perActivityUnit"]), Num(_l["co2e"]), Num(_l["share"]), _l["primary"], _l["fallbacks"], _l["source"]);
        int maxRows = _options.MaximumTableRows;
        foreach (var f in _model.ByFactor.Take(maxRows))
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(f.Label)}\">");
            Cell(f.Key, "code");
            Cell(f.Region);
            Cell(f.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : _l["latest"]);
            Number(f.AmountUsed);
            Cell(f.Unit);
            Number(f.Co2ePerUnit);
            Number(f.Co2e);
            Share(f.Share);
            Cell(f.IsPrimaryData ? _l["yes"] : _l["no"]);
            Cell(f.Fallbacks.IsEmpty ? _l["exact"] : string.Join("; ", f.Fallbacks), f.Fallbacks.IsEmpty ? null : "warn");
            Cell(f.Source, "source");
            _html.Append("</tr>\n");
        }

        More(_model.ByFactor.Length, maxRows, _model.ByFactor.Skip(maxRows).Sum(f => f.Co2e), 11);
        TableEnd();
        FigureEnd();
        Close();
    }

    private void SupplyChainSection()
    {
        Open("supply-chain", _l["supplyChain"]);
        if (_model.SupplyChain is not { } chain || chain.Links.IsEmpty)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p>{Escape(_l["supplyChain.none"])}</p>\n");
            Close();
            return;
        }

        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Escape(_l.Format("supplyChain.note", Numbers.Percent(chain.MinimumShare)))}</p>\n");
        string largest = string.Join("; ", chain.Links.OrderByDescending(x => Math.Abs(x.Co2e)).Take(5)
            .Select(x => $"{NodeLabel(chain.Nodes[x.Source])} → {NodeLabel(chain.Nodes[x.Target])} {Numbers.Display(x.Co2e)} kg CO2e"));
        string description = _l.Format("supplyChain.desc", chain.Links.Length, chain.Nodes.Length, largest);
        _html.Append("<figure id=\"chart-supply-chain\" class=\"chart-figure\"><div class=\"wide\">");
        SankeyChart.Write(_html, "chart-supply-chain", _l["supplyChain"], description, chain, NodeLabel);
        _html.Append("</div>");
        FigureCaption(_l["supplyChain"]);
        TableStart("supply-chain", _l["from"], _l["to"], Num(_l["co2e"]));
        foreach (var link in chain.Links)
        {
            _html.Append("<tr>");
            Cell(NodeLabel(chain.Nodes[link.Source]));
            Cell(NodeLabel(chain.Nodes[link.Target]));
            Number(link.Co2e);
            _html.Append("</tr>\n");
        }

        TableEnd();
        FigureEnd();
        Close();
    }

    private string NodeLabel(SupplyNode node) => node.Kind switch
    {
        SupplyNodeKind.Product => _l.Format("node.product", node.Name),
        SupplyNodeKind.Loop when node.Members.Length > SupplyChainBuilder.LoopNamesShown => _l.Format("node.loopMany", node.Name, node.Members.Length - SupplyChainBuilder.LoopNamesShown),
        SupplyNodeKind.Loop => _l.Format("node.loop", node.Name),
        SupplyNodeKind.Direct => _l.Format("node.direct", node.Name),
        SupplyNodeKind.Credit => _l.Format("node.credit", node.Name),
        SupplyNodeKind.Other => _l["node.other"],
        _ => node.Name,
    };

    private void Allocations()
    {
        Open("allocation", _l["allocation"]);
        if (_model.Allocations.IsEmpty)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p>{Escape(_l["allocation.none"])}</p>\n");
            Close();
            return;
        }

        TableStart("allocation", _l["process"], _l["method"], _l["output"], Num(_l["weight"]), Num(_l["share"]), _l["basis"]);
        foreach (var a in _model.Allocations)
        {
            string method = $"{_l.Or("method." + a.Method, a.Method)} ({(a.StatedByProcess ? _l["statedByProcess"] : _l["chosenByRuleSet"])})";
            int rows = Math.Max(1, a.Shares.Length);
            for (int i = 0; i < rows; i++)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(a.Process)}\">");
                if (i == 0)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"{rows}\">{Escape(a.Process)}</td><td rowspan=\"{rows}\">{Escape(method)}</td>");
                }

                if (a.Shares.IsEmpty)
                {
                    Cell(string.Empty);
                    Cell(string.Empty);
                    Cell(string.Empty);
                }
                else
                {
                    Cell(a.Shares[i].Flow);
                    Number(a.Shares[i].Weight);
                    Share(a.Shares[i].Share);
                }

                if (i == 0)
                {
                    _html.Append(CultureInfo.InvariantCulture, $"<td rowspan=\"{rows}\">{Escape(a.Basis)}</td>");
                }

                _html.Append("</tr>\n");
            }
        }

        TableEnd();
        Close();
    }

    private void Quality()
    {
        var q = _model.Quality;
        Open("quality", _l["quality"]);
        _html.Append("<dl class=\"facts\">");
        Fact(_l["primaryShare"], q.PrimaryDataShare, _l["primaryShare.note"], "primaryDataShare");
        Fact(_l["fallbackShare"], q.FallbackShare, _l["fallbackShare.note"], "fallbackShare");
        _html.Append("</dl>\n");
        if (q.Scores is { } scores)
        {
            string[] keys = ["technological", "geographical", "temporal", "completeness", "reliability"];
            _html.Append(CultureInfo.InvariantCulture, $"<h3>{Escape(_l["scores"])}</h3>\n");
            TableStart("quality", _l["score"], Num(_l["value"]));
            for (int i = 0; i < keys.Length; i++)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{keys[i]}\">");
                Cell(_l["score." + keys[i]]);
                Number(scores[i]);
                _html.Append("</tr>\n");
            }

            _html.Append("<tr data-key=\"coverage\">");
            Cell(_l["coverage"]);
            Share(q.Coverage);
            _html.Append("</tr>\n");
            TableEnd();
        }
        else
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p>{Escape(_l["scores.none"])}</p>\n");
        }

        var cut = _model.CutOff;
        _html.Append(CultureInfo.InvariantCulture, $"<h3>{Escape(_l["cutOff"])}</h3>\n");
        TableStart("cut-off", Num(_l["excluded"]), Num(_l["share"]));
        _html.Append("<tr>");
        Number(cut.Excluded);
        Share(cut.Share);
        _html.Append("</tr>\n");
        TableEnd();
        if (!cut.Rules.IsEmpty)
        {
            _html.Append("<ul class=\"rules\">");
            foreach (var rule in cut.Rules)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<li>{Escape(rule)}</li>");
            }

            _html.Append("</ul>\n");
        }

        Close();
    }

    private void Fact(string name, double share, string note, string key)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<div data-key=\"{key}\"><dt>{Escape(name)}</dt><dd><data value=\"{Numbers.Exact(share)}\">{Numbers.Percent(share)}</data> <span class=\"note\">{Escape(note)}</span></dd></div>");
    }

    private void WarningsSection()
    {
        Open("warnings", _l["warnings"]);
        if (_model.Warnings.IsEmpty)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<p>{Escape(_l["warnings.none"])}</p>\n");
            Close();
            return;
        }

        TableStart("warnings", _l["code"], _l["path"], _l["message"]);
        foreach (var w in _model.Warnings)
        {
            _html.Append("<tr>");
            Cell(w.Code, "code");
            Cell(w.Path, "code");
            Cell(w.Message);
            _html.Append("</tr>\n");
        }

        TableEnd();
        Close();
    }

    private void TemplateSectionHtml()
    {
        if (_model.Template is null && _model.Derivations.IsEmpty)
        {
            return;
        }

        Open("template", _l["template"]);
        if (_model.Template is { } t)
        {
            _html.Append("<dl class=\"meta\">");
            Meta(_html, _l["template.id"], $"{t.Title} ({t.Id})");
            Meta(_html, _l["version"], t.Version);
            if (!t.Standards.IsEmpty)
            {
                Meta(_html, _l["standards"], string.Join("; ", t.Standards));
            }

            _html.Append("</dl>\n");
            TableStart("template-parameters", _l["parameter"], _l["value"], _l["unit"], _l["origin"], _l["source"]);
            foreach (var p in t.Parameters)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(p.Name)}\">");
                Cell(p.Name, "code");
                if (double.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
                {
                    Number(number);
                }
                else
                {
                    Cell(p.Value);
                }

                Cell(p.Unit ?? string.Empty);
                Cell(p.IsDefault ? _l["default"] : _l["siteData"]);
                Cell(p.Source ?? string.Empty, "source");
                _html.Append("</tr>\n");
            }

            TableEnd();
        }

        if (!_model.Derivations.IsEmpty)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<h3>{Escape(_l["derivations"])}</h3>\n");
            TableStart("derivations", _l["target"], _l["formula"], _l["inputs"], Num(_l["result"]), _l["unit"], _l["source"]);
            foreach (var d in _model.Derivations)
            {
                _html.Append("<tr>");
                Cell(d.Target);
                Cell(d.Formula, "code");
                Cell(string.Join("; ", d.Inputs.Select(i => $"{i.Name} = {Numbers.Display(i.Value)} {i.Unit}".TrimEnd())));
                Number(d.Result);
                Cell(d.Unit);
                Cell(d.Source, "source");
                _html.Append("</tr>\n");
            }

            TableEnd();
        }

        Close();
    }

    private void UncertaintySectionHtml()
    {
        if (_model.Uncertainty is not { } u)
        {
            return;
        }

        Open("uncertainty", _l["uncertainty"]);
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Escape(_l.Format("uncertainty.note", Numbers.Integer(u.Iterations), u.Seed.ToString(CultureInfo.InvariantCulture)))}</p>\n");
        TableStart("uncertainty-statistics", _l["quantity"], Num(_l["co2e"]));
        _html.Append("<tr data-key=\"mean\">");
        Cell(_l["mean"]);
        Number(u.Mean);
        _html.Append("</tr>\n<tr data-key=\"standardDeviation\">");
        Cell(_l["stdDev"]);
        Number(u.StandardDeviation);
        _html.Append("</tr>\n");
        foreach (var (p, v) in u.Percentiles)
        {
            string name = "P" + p.ToString("0.#", CultureInfo.InvariantCulture);
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{name}\">");
            Cell($"{_l["percentile"]} {name}");
            Number(v);
            _html.Append("</tr>\n");
        }

        TableEnd();
        if (!u.Histogram.IsEmpty)
        {
            var most = u.Histogram.MaxBy(b => b.Count)!;
            string description = _l.Format("histogram.desc", Numbers.Integer(u.Histogram.Sum(b => (long)b.Count)), u.Histogram.Length,
                Numbers.Display(u.Histogram[0].Lower), Numbers.Display(u.Histogram[^1].Upper), most.Count);
            _html.Append("<figure id=\"chart-uncertainty\" class=\"chart-figure\">");
            HistogramChart.Write(_html, "chart-uncertainty", _l["histogram"], description, u);
            FigureCaption(_l["histogram"]);
            TableStart("uncertainty-histogram", _l["bin"], Num(_l["count"]));
            foreach (var b in u.Histogram)
            {
                _html.Append(CultureInfo.InvariantCulture, $"<tr><td data-lower=\"{Numbers.Exact(b.Lower)}\" data-upper=\"{Numbers.Exact(b.Upper)}\">{Numbers.Display(b.Lower)} – {Numbers.Display(b.Upper)}</td>");
                Number(b.Count);
                _html.Append("</tr>\n");
            }

            TableEnd();
            FigureEnd();
        }

        Close();
    }

    private void PactSectionHtml()
    {
        if (_model.Pact is not { } p)
        {
            return;
        }

        Open("pact", _l["pact"]);
        _html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{Escape(_l["pact.note"])}</p>\n<dl class=\"meta\">");
        Meta(_html, _l["specVersion"], p.SpecVersion);
        Meta(_html, _l["pactId"], p.Id);
        Meta(_html, _l["company"], p.CompanyName);
        Meta(_html, _l["product"], p.ProductName);
        Meta(_html, _l["productIds"], string.Join(", ", p.ProductIds));
        Meta(_html, _l["declaredUnit"], p.DeclaredUnit);
        _html.Append("</dl>\n");
        TableStart("pact", _l["field"], _l["value"]);
        foreach (var (field, value) in p.Fields)
        {
            _html.Append(CultureInfo.InvariantCulture, $"<tr data-key=\"{Escape(field)}\">");
            Cell(field, "code");
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                // PACT decimals are shown as the document writes them.
                _html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\" data-value=\"{Escape(value)}\">{Escape(value)}</td>");
            }
            else
            {
                Cell(value);
            }

            _html.Append("</tr>\n");
        }

        TableEnd();
        Close();
    }

    // A contribution chart: the largest items (by absolute value), the rest summed into one "other" bar; stages keep their order.
    private void Bars(string id, string title, List<BarChart.Bar> items, bool keepOrder = false)
    {
        var nonZero = items.Where(b => b.Value != 0).ToList();
        List<BarChart.Bar> drawn = keepOrder ? nonZero : [.. nonZero.OrderByDescending(b => Math.Abs(b.Value)).Take(_options.MaximumChartItems)];
        int rest = nonZero.Count - drawn.Count;
        if (rest > 0)
        {
            var others = nonZero.OrderByDescending(b => Math.Abs(b.Value)).Skip(_options.MaximumChartItems);
            drawn.Add(new BarChart.Bar(_l.Format("other", rest), others.Sum(b => b.Value), string.Empty, IsOther: true));
        }

        string text = _l.Format("chart.bars", title, string.Join("; ", drawn.Select(b => $"{b.Label} {Numbers.Display(b.Value)} kg CO2e {b.Note}".TrimEnd())));
        if (rest > 0)
        {
            text += " " + _l.Format("chart.more", rest);
        }

        if (drawn.Any(b => b.Value < 0))
        {
            text += " " + _l["chart.negative"];
        }

        _html.Append(CultureInfo.InvariantCulture, $"<figure id=\"{id}\" class=\"chart-figure\">");
        BarChart.Write(_html, id, title, text, drawn);
        FigureCaption(title);
    }

    private void FigureCaption(string title) =>
        _html.Append(CultureInfo.InvariantCulture, $"<figcaption>{Escape(title)}<span class=\"note\"> · {Escape(_l["chart.data"])}</span></figcaption>\n");

    private void FigureEnd() => _html.Append("</figure>\n");

    private void Open(string id, string title)
    {
        _sections.Add((id, title));
        _html.Append(CultureInfo.InvariantCulture, $"<section id=\"{id}\">\n<h2>{Escape(title)}</h2>\n");
    }

    private void Close() => _html.Append("</section>\n");

    private void TableStart(string name, params string[] headers)
    {
        _html.Append(CultureInfo.InvariantCulture, $"<div class=\"table-wrap\"><table class=\"data\" data-table=\"{name}\"><thead><tr>");
        foreach (var h in headers)
        {
            // A header made with Num() heads a column of numbers: right-aligned like them.
            _html.Append(h.StartsWith(NumberColumn)
                ? $"<th scope=\"col\" class=\"num\">{Escape(h[1..])}</th>"
                : $"<th scope=\"col\">{Escape(h)}</th>");
        }

        _html.Append("</tr></thead><tbody>\n");
    }

    private const char NumberColumn = '\u0001';

    private static string Num(string header) => NumberColumn + header;

    private void TableEnd() => _html.Append("</tbody></table></div>\n");

    private void More(int count, int shown, double rest, int columns)
    {
        if (count <= shown)
        {
            return;
        }

        _html.Append(CultureInfo.InvariantCulture, $"<tr class=\"more\"><td colspan=\"{columns}\">{Escape(_l.Format("moreRows", Numbers.Integer(count - shown), Numbers.Display(rest)))}</td></tr>\n");
    }

    private void Cell(string text, string? cssClass = null) =>
        _html.Append(cssClass is null ? "<td>" : $"<td class=\"{cssClass}\">").Append(Escape(text)).Append("</td>");

    private void Number(double value) =>
        _html.Append(CultureInfo.InvariantCulture, $"<td class=\"num{(value < 0 ? " neg" : string.Empty)}\" data-value=\"{Numbers.Exact(value)}\">{Numbers.Display(value)}</td>");

    private void Share(double share) =>
        _html.Append(CultureInfo.InvariantCulture, $"<td class=\"num share\" data-value=\"{Numbers.Exact(share)}\">{Numbers.Percent(share)}</td>");

    private string StageLabel(string stage) => _l.Or("stage." + stage, stage);

    private static void Meta(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<div><dt>{Escape(name)}</dt><dd>{Escape(value)}</dd></div>");
}
