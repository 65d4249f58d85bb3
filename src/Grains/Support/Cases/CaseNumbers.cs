using System.Globalization;

namespace OrleansPortal.Grains.Support.Cases;

/// <summary>How a case number reads ("C-00042"): in the acknowledgement, the queue, and an email's subject ("[C-00042]").</summary>
public static class CaseNumbers
{
    public static string Display(long number) => "C-" + number.ToString("D5", CultureInfo.InvariantCulture);
}
