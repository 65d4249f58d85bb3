using System.ComponentModel.DataAnnotations;
using OrleansPortal.Grains;

namespace OrleansPortal.Web.Admin;

/// <summary>The number customers call, as people write it ("22 000 0000", "+351 220 000 000"); null or blank clears it.</summary>
public sealed record CompanyPhoneRequest([property: MaxLength(InputLimits.Phone)] string? Phone);
