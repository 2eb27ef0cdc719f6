using Microsoft.Playwright;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Browser;

/// <summary>Every sample's report opened in a real headless Chromium (Debian's, driven by Playwright): no console error, no
/// request beyond the file itself, a page that fits a phone's width and prints; screenshots kept under artifacts/report-screenshots.</summary>
/// <remarks>Run by the README's test command. Chromium is found at <c>$PCF_CHROMIUM</c> or <c>/usr/bin/chromium</c>; when it is
/// absent the tests are skipped with that reason on a developer's machine and fail in CI (<c>CI=true</c>), where <c>.ci/run</c>
/// installs it. Playwright never downloads a browser here: it launches the given executable.</remarks>
[Collection(nameof(SharedChromium))]
public sealed class BrowserTests(ChromiumFixture chromium)
{
    public static TheoryData<string> Samples => Footprints.SampleData;

    [BrowserTheory]
    [MemberData(nameof(Samples))]
    public async Task Open_EverySample_NoConsoleErrorNoRequestAndAScreenshot(string sample)
    {
        foreach (var language in new[] { ReportLanguage.English, ReportLanguage.Chinese })
        {
            string name = language == ReportLanguage.Chinese ? sample + "-zh" : sample;
            string file = WriteReport(name, FootprintReport.ToHtml(Footprints.Sample(sample), new FootprintReportOptions { Language = language }));
            await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
            var page = await context.NewPageAsync();
            var (problems, requests) = Watch(page);
            var response = await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            Assert.NotNull(response);
            Assert.True(response!.Ok, $"{name}: status {response.Status}");

            Assert.Empty(problems);
            Assert.Equal([new Uri(file).AbsoluteUri], requests);
            Assert.Equal(language == ReportLanguage.Chinese ? "zh-CN" : "en", await page.GetAttributeAsync("html", "lang"));
            Assert.True(await page.Locator("svg[role=img]").CountAsync() >= 5);
            // The browser laid the charts out: the Sankey diagram has a real size.
            var box = await page.Locator("#chart-supply-chain svg").BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 100 }, $"{name}: Sankey box {box?.Width}x{box?.Height}");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.Screenshots, name + ".png"), FullPage = true });
            await page.Locator("#supply-chain").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(ChromiumFixture.Screenshots, name + "-supply-chain.png") });
            Assert.Empty(problems);
        }
    }

    [BrowserFact]
    public async Task Open_OnAPhone_FitsTheWidthAndTablesScrollInside()
    {
        string file = WriteReport("steel-bracket-phone", FootprintReport.ToHtml(Footprints.Sample("steel-bracket")));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var (problems, _) = Watch(page);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        int scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        int innerWidth = await page.EvaluateAsync<int>("() => window.innerWidth");
        Assert.True(scrollWidth <= innerWidth, $"the page is {scrollWidth} px wide on a {innerWidth} px screen");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.Screenshots, "steel-bracket-phone.png"), FullPage = true });
        Assert.Empty(problems);
    }

    [BrowserFact]
    public async Task Print_HidesTheNavigationAndMakesAPdf()
    {
        string file = WriteReport("utilities-loop-print", FootprintReport.ToHtml(Footprints.Sample("utilities-loop")));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var (problems, _) = Watch(page);
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        Assert.True(await page.IsVisibleAsync("nav.contents"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.IsHiddenAsync("nav.contents"));
        string pdf = Path.Combine(ChromiumFixture.Screenshots, "utilities-loop-print.pdf");
        byte[] bytes = await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        Assert.True(bytes.Length > 10_000, $"PDF of {bytes.Length} bytes");
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.Empty(problems);
    }

    private static (List<string> Problems, List<string> Requests) Watch(IPage page)
    {
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
        page.Request += (_, request) => requests.Add(request.Url);
        return (problems, requests);
    }

    private static string WriteReport(string name, string html)
    {
        string path = Path.Combine(ChromiumFixture.Screenshots, name + ".html");
        File.WriteAllText(path, html);
        return path;
    }
}
