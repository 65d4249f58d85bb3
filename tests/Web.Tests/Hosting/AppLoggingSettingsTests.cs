using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OrleansPortal.Web.Tests.Hosting;

/// <summary>The app's own appsettings.json, as a host reads it: which loggers write at which level.</summary>
public sealed class AppLoggingSettingsTests
{
    private static ILoggerFactory FromAppSettings()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false).Build();
        var services = new ServiceCollection().AddLogging(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.AddProvider(new EverythingProvider()); // so only the settings' rules decide
        });
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>();
    }

    [Fact]
    public void OurOwnInformation_IsWritten_WhileOrleansItselfOnlyWarns()
    {
        using var loggers = FromAppSettings();

        // "dotnet run" prints the sign-in mail and the visit's texts at Information: a rule for "Orleans" must not hide them.
        Assert.True(loggers.CreateLogger("OrleansPortal.Web.Email.UnsentEmailSender").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("OrleansPortal.Web.Notifications.Sms.UnconfiguredSmsSender").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Orleans.Runtime.Silo").IsEnabled(LogLevel.Warning));
    }

    private sealed class EverythingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Everything();

        public void Dispose()
        {
        }

        private sealed class Everything : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }
}
