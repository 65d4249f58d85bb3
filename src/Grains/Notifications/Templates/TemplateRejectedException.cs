using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>A template that cannot be saved (or rendered), with every reason. Nothing was changed.</summary>
[GenerateSerializer, Alias("op.TemplateRejectedException")]
public sealed class TemplateRejectedException(IReadOnlyList<TemplateError> errors)
    : Exception("The template is not valid: " + string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    [Id(0)]
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
