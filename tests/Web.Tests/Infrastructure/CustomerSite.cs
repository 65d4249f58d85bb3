namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>Where a job is: a customer of the company and one of that customer's properties.</summary>
public sealed record CustomerSite(string CustomerId, string PropertyId);
