using Microsoft.Playwright;
using Pcf.Accounting.Reporting.Tests.TestSupport;

namespace Pcf.Accounting.Reporting.Tests.Browser;

/// <summary>Where Chromium is, whether it must be there, and one headless browser shared by the browser tests.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Gets the Chromium executable: <c>$PCF_CHROMIUM</c> when set (and only it), else Debian's <c>/usr/bin/chromium</c>;
    /// <see langword="null"/> when that file does not exist.</summary>
    public static string? Executable { get; } =
        Environment.GetEnvironmentVariable("PCF_CHROMIUM") is { Length: > 0 } given ? (File.Exists(given) ? given : null)
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    /// <summary>Gets a value indicating whether the browser tests must run: in CI (<c>CI=true</c>) a missing browser is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Gets why the browser tests are skipped, or <see langword="null"/> when they run.</summary>
    public static string? SkipReason => Executable is null && !Required
        ? "Chromium is not installed (no /usr/bin/chromium, or $PCF_CHROMIUM names no file): 'bash eng/install-browser.sh' installs it. In CI (CI=true) these tests fail instead."
        : null;

    /// <summary>Gets the folder for the pages, screenshots and PDF the tests make: artifacts/report-screenshots under the repository.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(Footprints.RepoRoot, "artifacts", "report-screenshots")).FullName;

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        "Chromium is required (CI=true) but was not found (no /usr/bin/chromium, or $PCF_CHROMIUM names no file); .ci/run installs it with eng/install-browser.sh.");

    public async Task InitializeAsync()
    {
        if (Executable is null)
        {
            return; // skipped (developer machine) or failing with the message of Browser (CI)
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            // As root Chromium needs no sandbox; the network is closed, so nothing in the background may try to reach out.
            ChromiumSandbox = false,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            Timeout = 120_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>The browser tests share one browser.</summary>
[CollectionDefinition(nameof(SharedChromium))]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>;

/// <summary>A fact that needs Chromium: skipped with the reason when it is absent on a developer's machine, run (and failing) in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = ChromiumFixture.SkipReason;
}

/// <summary>A theory that needs Chromium (see <see cref="BrowserFactAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = ChromiumFixture.SkipReason;
}
