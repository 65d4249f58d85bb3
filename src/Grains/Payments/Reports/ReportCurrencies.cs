namespace OrleansPortal.Grains.Payments.Reports;

/// <summary>The order a money report lists its currencies in.</summary>
internal static class ReportCurrencies
{
    /// <summary>
    /// The currencies with figures, the company's first and the others by code; the company's alone when there is no
    /// money at all, so a new company sees its own currency's empty figures.
    /// </summary>
    public static List<string> Arrange(IEnumerable<string> found, string companys)
    {
        var currencies = found.Distinct(StringComparer.Ordinal).OrderBy(c => c == companys ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal).ToList();
        if (currencies.Count == 0) currencies.Add(companys);
        return currencies;
    }
}
