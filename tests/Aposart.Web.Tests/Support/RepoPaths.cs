namespace Aposart.Web.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aposart.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Aposart.sln not found above the test binaries.");
    }
}
