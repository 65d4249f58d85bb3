using System.Security.Cryptography;
using System.Text;

namespace OrleansPortal.Grains.Dispatch.Recurring;

/// <summary>
/// The ticket id of one occurrence of a series: the first 128 bits of SHA-256 over the series id and the date, as
/// 32 lower-case hex characters (the shape of every id the API hands out). Being a function of the occurrence, it is
/// what makes generation idempotent: a second attempt addresses the same ticket and finds it already created.
/// </summary>
public static class OccurrenceTicketId
{
    public static string For(string seriesId, DateOnly date)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"recurring/{seriesId}/{date:yyyy-MM-dd}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
