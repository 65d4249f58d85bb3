using System.Text;
using OrleansPortal.Grains.Technicians;

namespace OrleansPortal.Web.Tracking.Protocols;

/// <summary>One fix read from a request, with the token of the device that sent it.</summary>
public sealed record DevicePing(string DeviceToken, GpsFix Fix)
{
    // The token alone authenticates a device (that is how the tracking apps work), so a ping that lands in a log
    // line or an assertion message must not reveal it.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("DeviceToken = ***, Fix = ").Append(Fix);
        return true;
    }
}
