using System.Xml.Linq;

namespace OrleansPortal.Web.Notifications.Sms;

/// <summary>Twilio's reply language for an inbound message: an empty response (no reply), or one message back.</summary>
public static class TwiML
{
    public const string ContentType = "application/xml";

    public static string Empty() => Document(new XElement("Response"));

    /// <summary>A reply of <paramref name="text"/>, XML-escaped (a help text with "&lt;" or "&amp;" stays text).</summary>
    public static string Message(string text) => Document(new XElement("Response", new XElement("Message", text)));

    private static string Document(XElement response) => new XDeclaration("1.0", "UTF-8", null) + response.ToString(SaveOptions.DisableFormatting);
}
