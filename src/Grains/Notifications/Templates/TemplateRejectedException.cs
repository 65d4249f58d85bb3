using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>A template that cannot be saved (or rendered), with every reason in <see cref="Errors"/>. Nothing was changed.</summary>
[GenerateSerializer, Alias("op.TemplateRejectedException")]
public sealed class TemplateRejectedException : Exception
{
    public TemplateRejectedException(string message) : base(message)
    {
    }

    public TemplateRejectedException(IReadOnlyList<TemplateError> errors)
        : base("The template is not valid: " + string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}"))) => Errors = errors;

    [Id(0)]
    public IReadOnlyList<TemplateError> Errors { get; private set; } = [];
}
