using Pcf.Accounting.Pact;

namespace Pcf.Accounting.Tests.Pact;

public sealed class PactLifecycleTests
{
    [Fact]
    public void Supersede_SameId_GivesNewIdPrecedingOldAndDeprecatesOld()
    {
        var old = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid().Value;
        var changed = old with { Comment = "New grid factor" };

        var update = PactLifecycle.Supersede(old, changed);

        Assert.NotEqual(old.Id, update.Current.Id);
        Assert.Equal(new[] { old.Id }, update.Current.PrecedingPfIds!.Value.ToArray());
        Assert.Equal(PfStatus.Active, update.Current.Status);
        Assert.Equal(PfStatus.Deprecated, update.Deprecated.Status);
        Assert.Equal(old.Id, update.Deprecated.Id);
        Assert.True(PactJson.Validate(PactJson.Write(update.Current)).IsValid);
    }

    [Fact]
    public void Supersede_Chain_KeepsAllPredecessors()
    {
        var first = PactExporter.ToV3(PactTestData.Bracket(), PactTestData.Metadata).ThrowIfInvalid().Value;
        var second = PactLifecycle.Supersede(first, first).Current;

        var third = PactLifecycle.Supersede(second, second, Guid.Parse("0b7c5a54-2b8e-4f33-9d0c-5d7f3f3d1a01")).Current;

        Assert.Equal(new[] { first.Id, second.Id }, third.PrecedingPfIds!.Value.ToArray());
        Assert.Throws<ArgumentException>(() => PactLifecycle.Supersede(second, second, second.Id));
    }
}
