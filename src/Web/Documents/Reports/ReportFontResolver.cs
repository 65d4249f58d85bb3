using PdfSharp.Fonts;

namespace OrleansPortal.Web.Documents.Reports;

/// <summary>
/// The one typeface of the PDF reports, read from a font file the machine has. PDFsharp's platform-independent build
/// brings no fonts and will not look for any: on Linux it needs a resolver. We look for a sans-serif family with
/// Portuguese letters in its regular and bold faces: DejaVu Sans (Debian's fonts-dejavu-core), Liberation Sans
/// (fonts-liberation), or Arial on Windows, first in <c>Documents:FontDirectory</c> when set.
/// PDFsharp keeps one resolver for the whole process and allows it to be set once: the first host to ask installs it,
/// with its own font directory, and every later host gets the same one.
/// </summary>
public sealed class ReportFontResolver : IFontResolver
{
    /// <summary>The family name the report asks PDFsharp for; it resolves to whatever file was found.</summary>
    public const string Family = "Report Sans";

    private const string RegularFace = "report-regular";
    private const string BoldFace = "report-bold";

    // Regular and bold file names of each family we accept, in order of preference.
    private static readonly (string Regular, string Bold)[] Families =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
    ];

    // Where Debian, Fedora, Alpine and Windows put those families.
    private static readonly string[] SystemDirectories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu-sans-fonts",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/liberation-sans",
        .. WindowsFonts(),
    ];

    private static readonly Lock Gate = new();
    private static ReportFontResolver? _installed;

    private readonly byte[]? _regular;
    private readonly byte[]? _bold;

    private ReportFontResolver((string Regular, string Bold)? files)
    {
        if (files is not { } found) return;
        _regular = File.ReadAllBytes(found.Regular);
        _bold = File.ReadAllBytes(found.Bold);
        Source = found.Regular;
    }

    /// <summary>False when no font was found: no PDF can be written (install fonts-dejavu-core, or set Documents:FontDirectory).</summary>
    public bool Available => _regular is not null;

    /// <summary>The regular face's file, for the start-up log; null when none was found.</summary>
    public string? Source { get; }

    /// <summary>Installs the process's resolver on first use (looking in <paramref name="configuredDirectory"/> first); returns it.</summary>
    public static ReportFontResolver Install(string? configuredDirectory)
    {
        lock (Gate)
        {
            if (_installed is not null) return _installed;
            _installed = new ReportFontResolver(Find(configuredDirectory));
            GlobalFontSettings.FontResolver = _installed;
            return _installed;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        if (!Available) return null;
        // Italic is drawn slanted from the upright faces: the report uses none, and one family's two files are enough.
        return italic
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: true)
            : new FontResolverInfo(bold ? BoldFace : RegularFace);
    }

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? _bold : faceName == RegularFace ? _regular : null;

    // Elsewhere the Windows folder is "", which would make "Fonts" a path relative to the working directory.
    private static string[] WindowsFonts() =>
        Environment.GetFolderPath(Environment.SpecialFolder.Windows) is { Length: > 0 } windows ? [Path.Combine(windows, "Fonts")] : [];

    private static (string Regular, string Bold)? Find(string? configuredDirectory)
    {
        var directories = string.IsNullOrWhiteSpace(configuredDirectory) ? SystemDirectories : [configuredDirectory, .. SystemDirectories];
        foreach (var directory in directories)
        {
            foreach (var (regular, bold) in Families)
            {
                var (regularPath, boldPath) = (Path.Combine(directory, regular), Path.Combine(directory, bold));
                if (File.Exists(regularPath) && File.Exists(boldPath)) return (regularPath, boldPath);
            }
        }
        return null;
    }
}
