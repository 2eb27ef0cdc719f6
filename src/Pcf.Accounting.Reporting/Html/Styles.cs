namespace Pcf.Accounting.Reporting.Html;

/// <summary>The page's inline stylesheet: screen, narrow screens (phones) and print; system fonts only (nothing to fetch).</summary>
internal static class Styles
{
    /// <summary>The CSS.</summary>
    public const string Css = """
:root{--ink:#1d2330;--muted:#5b6475;--line:#d8dde6;--pos:#d9822b;--neg:#2f9a5b;--other:#9aa3b2;--factor:#5b7fb9;--direct:#d9822b;--process:#8b95a7;--bg:#fff;--band:#f4f6f9}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Helvetica Neue",Arial,sans-serif}
header.page,main,footer,nav.contents{max-width:1080px;margin:0 auto;padding:0 20px}
header.page{padding-top:24px}
.kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:12px}
h1{margin:.1em 0 .4em;font-size:28px;line-height:1.2}
h2{margin:1.6em 0 .5em;font-size:21px;border-bottom:2px solid var(--line);padding-bottom:.2em}
h3{margin:1.2em 0 .4em;font-size:16px}
dl.meta{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:6px 18px;margin:0 0 8px}
dl.meta div,dl.facts div{margin:0}
dl.meta dt,dl.facts dt{color:var(--muted);font-size:12px}
dl.meta dd,dl.facts dd{margin:0;font-weight:600}
dl.facts dd .note{font-weight:400}
nav.contents ol{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:12px auto 0;padding:8px 0;border-top:1px solid var(--line);border-bottom:1px solid var(--line);font-size:14px}
nav.contents a{color:#2456a6;text-decoration:none}
.totals{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:14px}
.total{background:var(--band);border-left:4px solid var(--pos);padding:12px 16px;border-radius:4px}
.total p{margin:0}
.total .what{color:var(--muted);font-size:14px}
.total .figure{font-size:34px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.total .unit{font-size:14px}
.note{color:var(--muted);font-size:13px}
.table-wrap{overflow-x:auto;margin:8px 0 4px}
table.data{border-collapse:collapse;width:100%;font-size:13px}
table.data th,table.data td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
table.data th{background:var(--band);font-weight:600}
table.data th.num{text-align:right}
table.data td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
table.data td.neg{color:#1f7a45}
table.data td.code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
table.data td.source{color:var(--muted);font-size:12px;min-width:16em}
table.data td.indent{padding-left:22px}
table.data td.warn{color:#9a5b00}
table.data tr.zero td{color:var(--muted)}
table.data tr.more td{font-style:italic;color:var(--muted)}
figure.chart-figure{margin:10px 0 18px}
figcaption{font-weight:600;font-size:14px;margin-top:6px}
svg.chart{display:block;width:100%;height:auto;font-size:12px;fill:var(--ink)}
svg.chart text{fill:var(--ink)}
svg.chart .pos{fill:var(--pos)}
svg.chart .neg{fill:var(--neg)}
svg.chart .other{fill:var(--other)}
svg.chart .axis{stroke:var(--ink);stroke-width:1}
svg.chart .marker{stroke:#2456a6;stroke-width:1.5;stroke-dasharray:4 3}
svg.chart text.value{fill:var(--muted)}
svg.chart.bars,svg.chart.histogram{max-width:820px}
svg.sankey{font-size:11px}
svg.sankey .node text{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
svg.sankey .links path{fill-opacity:.45;stroke:none}
svg.sankey .links path.factor{fill:var(--factor)}
svg.sankey .links path.direct{fill:var(--direct)}
svg.sankey .links path.process{fill:var(--process)}
svg.sankey .links path.other{fill:var(--other)}
svg.sankey .links path.neg{fill:var(--neg)}
svg.sankey .node rect{fill:#3d4657}
svg.sankey .node.factor rect{fill:var(--factor)}
svg.sankey .node.direct rect{fill:var(--direct)}
svg.sankey .node.credit rect{fill:var(--neg)}
svg.sankey .node.loop rect{fill:#7a4fb0}
svg.sankey .node.other rect{fill:var(--other)}
svg.sankey .node.product rect{fill:var(--ink)}
.wide{overflow-x:auto}
ul.rules{font-size:13px}
footer{margin:32px auto 24px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
@media (max-width:640px){
body{font-size:14px}
header.page,main,footer,nav.contents{padding:0 12px}
h1{font-size:22px}
dl.meta{grid-template-columns:repeat(auto-fill,minmax(150px,1fr))}
.total .figure{font-size:28px}
.wide svg.sankey{min-width:720px}
table.data{font-size:12px}
table.data th,table.data td{white-space:nowrap}
table.data td.source,table.data td.warn,table.data td:last-child{white-space:normal;min-width:14em}
}
@media print{
@page{margin:14mm}
body{font-size:10pt;color:#000}
nav.contents{display:none}
header.page,main,footer{max-width:none;padding:0}
h2{break-after:avoid;page-break-after:avoid}
figure.chart-figure,.totals,table.data tr{break-inside:avoid;page-break-inside:avoid}
.table-wrap,.wide{overflow:visible}
.wide svg.sankey{min-width:0}
table.data{font-size:8.5pt}
table.data th{background:none;border-bottom:1.5px solid #000}
.total{background:none;border:1px solid #999}
svg.sankey .links path{fill-opacity:.55}
}
""";
}
