using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>What is wrong with a template, and in which of its fields ("subject" or "body"; "template" for the whole).</summary>
[GenerateSerializer, Immutable, Alias("op.TemplateError")]
public sealed record TemplateError([property: Id(0)] string Field, [property: Id(1)] string Message)
{
    public const string SubjectField = "subject";
    public const string BodyField = "body";
    public const string TemplateField = "template";
}
