using Orleans;

namespace OrleansPortal.Grains.Support.HelpCenter;

[GenerateSerializer, Alias("op.HelpArticleState")]
public sealed class HelpArticleState
{
    [Id(0)] public string CategoryId { get; set; } = "";
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>By language code.</summary>
    [Id(2)] public Dictionary<string, HelpTranslationState> Translations { get; set; } = [];

    /// <summary>Stored, but the public index and the company's catalog may not show it yet: a timer tries again.</summary>
    [Id(3)] public bool SyncDue { get; set; }

    public bool Created => Translations.Count > 0;
}

[GenerateSerializer, Alias("op.HelpTranslationState")]
public sealed class HelpTranslationState
{
    [Id(0)] public HelpArticleText Draft { get; set; } = new("", null, "");
    [Id(1)] public DateTimeOffset DraftSavedAt { get; set; }
    [Id(2)] public string DraftSavedBy { get; set; } = "";
    [Id(3)] public int? Published { get; set; }
    [Id(4)] public string? Slug { get; set; }
    [Id(5)] public List<HelpArticleVersion> Versions { get; set; } = [];
}
