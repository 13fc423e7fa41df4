using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FleetServerless.Testing;

/// <summary>
/// A logger provider that keeps every formatted message and exception text, so tests can assert what was
/// logged, and that a secret never was.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => _entries.ToArray();

    /// <summary>All messages, exception texts and structured values joined, for "never contains" checks.</summary>
    public string AllText => string.Join("\n", _entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

/// <summary>One captured log call.</summary>
public sealed record CapturedLogEntry(
    string Category, LogLevel Level, EventId EventId, string Message, string StructuredValues, string? Exception)
{
    public override string ToString() => $"{Level} {Category} {Message} {StructuredValues} {Exception}";
}
