using OrleansPortal.Grains.Routing;
using OrleansPortal.Grains.Routing.Learning;

namespace OrleansPortal.Web.Routing.TravelModels;

/// <summary>
/// Promoted travel-time models as files, one per version (<c>{version}.ttm</c>), in a directory that every node of a
/// cluster shares (like uploaded documents). A file is written under a temporary name, flushed to disk and then
/// renamed, so a crash never leaves a half-written model that looks whole. The newest model that fits the graph is
/// the one in use.
/// </summary>
public sealed class TravelModelStore(string directory, ILogger<TravelModelStore> log)
{
    private const string Extension = ".ttm";

    public string Directory { get; } = directory;

    public void Save(TravelTimeModel model)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, model.Version + Extension);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            model.Write(file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The newest stored model trained on <paramref name="graph"/>; unreadable files are skipped with a warning.</summary>
    public TravelTimeModel? LatestFor(RoadGraph graph)
    {
        if (!System.IO.Directory.Exists(Directory)) return null;
        TravelTimeModel? latest = null;
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension))
        {
            try
            {
                using var file = File.OpenRead(path);
                var model = TravelTimeModel.Read(file);
                if (model.Fits(graph) && (latest is null || model.TrainedAt > latest.TrainedAt)) latest = model;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                log.LogWarning(ex, "Skipping the travel-time model file {Path}: it cannot be read.", path);
            }
        }
        return latest;
    }
}
