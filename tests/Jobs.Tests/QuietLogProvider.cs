using Hangfire.Logging;

namespace Decoupling.Jobs.Tests;

/// <summary>A Hangfire log provider of our own, so a test's servers do not log through a host that an earlier test disposed.</summary>
internal sealed class QuietLogProvider : ILogProvider
{
    public ILog GetLogger(string name) => new QuietLog();

    private sealed class QuietLog : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => logLevel >= LogLevel.Warn && messageFunc is null;
    }
}
