using Orleans;

namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>
/// A message ready to send. Email: <see cref="Subject"/>, <see cref="Html"/> (sanitized, in the company layout) and
/// <see cref="Text"/> (the plain-text part, always present). SMS: <see cref="Text"/> only. In-app and push: the title
/// in <see cref="Subject"/> and <see cref="Text"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("op.RenderedMessage")]
public sealed record RenderedMessage([property: Id(0)] string? Subject, [property: Id(1)] string? Html, [property: Id(2)] string Text);
