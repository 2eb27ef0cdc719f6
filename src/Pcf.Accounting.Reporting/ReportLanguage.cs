namespace Pcf.Accounting.Reporting;

/// <summary>The language of a report's labels, headings and chart texts.</summary>
/// <remarks>Names from the data (processes, flows, factor sources, warnings) are shown as written in the data.
/// Numbers are written the same way in every language: a point for decimals, a comma between thousands.</remarks>
public enum ReportLanguage
{
    /// <summary>English (<c>lang="en"</c>).</summary>
    English = 0,

    /// <summary>Simplified Chinese (<c>lang="zh-CN"</c>), with the terms of GB/T 24067-2024.</summary>
    Chinese = 1,
}
