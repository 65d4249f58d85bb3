using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Promoted travel-time models as files, one per version (<c>{version}.ttm</c>), in a directory that every node of a
/// cluster shares (like uploaded documents): the city's at the top, each company's under <c>companies/{tenant}</c>. A file is written under a temporary name, flushed to disk and then
/// renamed, so a crash never leaves a half-written model that looks whole. The newest model that fits the graph is
/// the one in use.
/// </summary>
public sealed class TravelModelStore(string directory, ILogger<TravelModelStore> log)
{
    private const string Extension = ".ttm";

    public string Directory { get; } = directory;

    public void Save(TravelTimeModel model, string? tenantId = null)
    {
        var directory = DirectoryOf(tenantId);
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, model.Version + Extension);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            model.Write(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The newest stored model trained on <paramref name="graph"/>. Versions begin with their training time
    /// (yyyyMMddTHHmmssZ), so file names sort by age and only the files newer than the first fitting one are read;
    /// unreadable files are skipped with a warning.
    /// </summary>
    public TravelTimeModel? LatestFor(RoadGraph graph, string? tenantId = null)
    {
        foreach (var path in NewestFirst(tenantId))
        {
            try
            {
                using var file = File.OpenRead(path);
                var model = TravelTimeModel.Read(file);
                if (model.Fits(graph)) return model;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                log.LogWarning(ex, "Skipping the travel-time model file {Path}: it cannot be read.", path);
            }
        }
        return null;
    }

    /// <summary>The version of the newest stored file, without reading it: to notice that another node promoted one.</summary>
    public string? NewestVersion(string? tenantId = null) => NewestFirst(tenantId).Select(Path.GetFileNameWithoutExtension).FirstOrDefault();

    private IEnumerable<string> NewestFirst(string? tenantId)
    {
        var directory = DirectoryOf(tenantId);
        return System.IO.Directory.Exists(directory)
            ? System.IO.Directory.EnumerateFiles(directory, "*" + Extension).OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            : [];
    }

    /// <summary>The companies that have a directory of models.</summary>
    public IEnumerable<string> Tenants()
    {
        var companies = Path.Combine(Directory, "companies");
        return System.IO.Directory.Exists(companies)
            ? System.IO.Directory.EnumerateDirectories(companies).Select(d => Uri.UnescapeDataString(Path.GetFileName(d)))
            : [];
    }

    /// <summary>A tenant id is escaped into one safe path segment: it can never climb out of the store.</summary>
    private string DirectoryOf(string? tenantId) =>
        tenantId is null ? Directory : Path.Combine(Directory, "companies", Uri.EscapeDataString(tenantId).Replace(".", "%2E", StringComparison.Ordinal));
}
