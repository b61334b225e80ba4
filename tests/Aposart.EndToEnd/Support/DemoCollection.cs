namespace Aposart.EndToEnd.Support;

/// <summary>The classes that read the demo data share one seeded portal: seeding it takes longer than the checks.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoLivePortal>
{
    public const string Name = "portail de démonstration";
}
