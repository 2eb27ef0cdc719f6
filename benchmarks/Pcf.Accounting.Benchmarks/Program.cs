using BenchmarkDotNet.Running;

namespace Pcf.Accounting.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project benchmarks/Pcf.Accounting.Benchmarks -- --filter *</c>.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
