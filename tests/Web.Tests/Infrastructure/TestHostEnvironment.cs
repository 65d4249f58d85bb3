using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace OrleansPortal.Web.Tests.Infrastructure;

/// <summary>A host environment of the given name, for classes that behave differently in Development.</summary>
public sealed class TestHostEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "OrleansPortal.Web";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
