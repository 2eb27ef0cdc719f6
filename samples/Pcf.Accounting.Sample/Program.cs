// A minimal program: read a pcf-system/1 document, report every problem or describe the system.
// Usage: dotnet run --project samples/Pcf.Accounting.Sample -- samples/steel-bracket.json
using System.Globalization;
using Pcf.Accounting.Json;
using Pcf.Accounting.Model;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Pcf.Accounting.Sample <system.json>");
    return 2;
}

var read = await ProductSystemJson.ReadAsync(File.OpenRead(args[0]));
if (!read.TryGetValue(out var system))
{
    foreach (var problem in read.Problems)
    {
        Console.Error.WriteLine($"{args[0]}: {problem}");
    }

    return 1;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{system.Name}: {system.Processes.Length} processes, {system.Flows.Length} flows; footprint per {system.DeclaredUnit} of '{system.ReferenceProduct}', made by '{system.ReferenceProcess}'."));
foreach (var process in system.Processes)
{
    Console.WriteLine($"  {process.Id} ({process.Stage}): makes {process.ReferenceOutput.Amount} {process.ReferenceOutput.Flow}");
    foreach (var input in process.Inputs)
    {
        Console.WriteLine($"    consumes {input.Amount} {input.Flow} from {input.Supply}");
    }

    foreach (var emission in process.Emissions)
    {
        Console.WriteLine($"    {emission.Kind}: {emission.Amount} {emission.Gas}");
    }
}

return 0;
