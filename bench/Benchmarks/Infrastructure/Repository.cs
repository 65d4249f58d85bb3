namespace OrleansPortal.Benchmarks.Infrastructure;

/// <summary>Files of the repository the benchmarks read, found from the binary's location.</summary>
internal static class Repository
{
    public static string PortoExtract => Path.Combine(Root(), "samples", "osm", "porto_portugal.osm.pbf");

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrleansPortal.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run from inside the repository: OrleansPortal.sln not found above the binary.");
    }
}
