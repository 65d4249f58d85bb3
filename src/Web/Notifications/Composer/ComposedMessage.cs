using OrleansPortal.Grains.Notifications.Outbox;
using OrleansPortal.Grains.Notifications.Templates;

namespace OrleansPortal.Web.Notifications.Composer;

/// <summary>What composing gave: the message ready for the outbox, or the problems by field (with the render, when there was one).</summary>
public sealed record ComposedMessage(OutgoingMessage? Message, RenderedMessage? Rendered, Dictionary<string, string[]> Problems)
{
    public static ComposedMessage Ready(OutgoingMessage message, RenderedMessage rendered) => new(message, rendered, []);

    public static ComposedMessage Refused(Dictionary<string, string[]> problems, RenderedMessage? rendered = null) => new(null, rendered, problems);
}
