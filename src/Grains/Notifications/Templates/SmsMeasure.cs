namespace OrleansPortal.Grains.Notifications.Templates;

/// <summary>An SMS's length as the network counts it.</summary>
/// <param name="Characters">GSM-7: septets (characters of the extension table, such as € and {, count two). UCS-2: UTF-16 code units (characters outside the Basic Multilingual Plane, such as most emoji, count two).</param>
/// <param name="Segments">How many messages the operator sends and bills: 0 for an empty text.</param>
public sealed record SmsMeasure(SmsEncoding Encoding, int Characters, int Segments);
