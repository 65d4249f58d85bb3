using Orleans.Hosting;
using Orleans.Storage;
using OrleansPortal.Web.Health;
using OrleansPortal.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddOrleansPortalServices();

    var app = builder.Build();
    await app.Services.InitializeSiloAsync(); // storage schemas now, so a wrong configuration fails with one clear line

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseDefaultFiles(); // a folder URL such as "/smoke/" serves its index.html
    app.UseStaticFiles();
    app.MapOpenApi();
    app.MapHealthApi();

    await app.RunAsync();
    return 0;
}
catch (StorageConfigurationException ex)
{
    Console.Error.WriteLine($"OrleansPortal cannot start: {ex.Message}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
