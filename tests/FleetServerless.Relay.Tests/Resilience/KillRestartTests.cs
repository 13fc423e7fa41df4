using System.Diagnostics;
using System.Text.Json;
using FleetServerless.Relay.Outbox;
using FleetServerless.Relay.Tests.Support;
using FleetServerless.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetServerless.Relay.Tests.Resilience;

/// <summary>
/// Starts the built relay as a real process, kills it at random points while it sends, restarts it, and checks
/// that no batch was lost and that every duplicate the ingest saw was a whole, identical batch.
/// </summary>
[Collection(TimingSensitive.Name)]
public sealed class KillRestartTests : IAsyncLifetime
{
    private const int MinerCount = 3;

    /// <summary>Kill rounds; together with <see cref="MaxTotal"/> this bounds the test.</summary>
    private const int Rounds = 12;

    private static readonly TimeSpan MaxTotal = TimeSpan.FromSeconds(120);

    private readonly TempDirectory _directory = new();
    private TestIngestServer _ingest = null!;

    public async ValueTask InitializeAsync()
    {
        _ingest = await TestIngestServer.StartAsync();

        // Slow responses widen the window in which a kill lands between the ingest storing a batch and the relay
        // deleting it.
        _ingest.ResponseDelay = () => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 400));
    }

    public async ValueTask DisposeAsync()
    {
        await _ingest.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task KilledRelay_LosesNoBatch()
    {
        Assert.SkipUnless(File.Exists(RelayProcess.RelayDllPath), $"The relay was not built next to the tests ({RelayProcess.RelayDllPath}).");
        var configPath = WriteConfig();
        var outboxPath = _directory.File("outbox.db");
        var total = Stopwatch.StartNew();
        var rounds = 0;
        var lastOutput = "";

        for (; rounds < Rounds && total.Elapsed < MaxTotal; rounds++)
        {
            // Alternate between a healthy ingest and one that fails, so kills land in retries as well as sends.
            _ingest.Mode = rounds % 4 == 3 ? IngestMode.Fail : IngestMode.Accept;
            using var relay = RelayProcess.Start("run", "--config", configPath);

            // Start-up time varies with the machine's load, so the random kill point is counted from the first cycle.
            await relay.WaitForOutputAsync("Poll cycle", TimeSpan.FromSeconds(30));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2500)), TestContext.Current.CancellationToken);
            Assert.False(relay.HasExited, $"The relay exited on its own in round {rounds}. Output:\n{relay.Output}");
            relay.Kill();
            lastOutput = relay.Output;
        }

        // A last run with a healthy ingest drains what the kills left behind, then is killed too.
        _ingest.Mode = IngestMode.Accept;
        using (var relay = RelayProcess.Start("run", "--config", configPath))
        {
            await WaitUntilDrainedAsync(outboxPath, TimeSpan.FromSeconds(20));
            relay.Kill();
        }

        await using var outbox = new SqliteOutbox(outboxPath, 256L * 1024 * 1024, TimeProvider.System, NullLogger<SqliteOutbox>.Instance);
        var lastSequence = await outbox.LastSequenceAsync(TestContext.Current.CancellationToken);
        var waiting = (await outbox.PeekAsync(100_000, TestContext.Current.CancellationToken)).Select(e => e.Sequence).ToHashSet();
        var stored = _ingest.Stored;
        var storedSequences = stored.Select(b => b.Sequence).ToHashSet();

        Assert.True(rounds >= 5, $"only {rounds} kill rounds ran within {MaxTotal}");
        Assert.True(lastSequence >= rounds, $"the relay stored only {lastSequence} batches in {rounds} rounds. Output of the last round:\n{lastOutput}");
        var missing = Enumerable.Range(1, (int)lastSequence).Select(i => (long)i)
            .Where(s => !storedSequences.Contains(s) && !waiting.Contains(s)).ToList();
        Assert.Empty(missing);
        Assert.Equal(stored.Count, storedSequences.Count); // one batch id per sequence: no sequence was reused
        Assert.True(_ingest.DuplicatesWereIdentical, "a resent batch differed from the first copy the ingest stored");
        Assert.All(stored, b => Assert.Equal(MinerCount, b.Samples.Count));
        Assert.Empty(await outbox.GetRejectedAsync(TestContext.Current.CancellationToken));
    }

    private string WriteConfig()
    {
        // Nothing listens on this port, so every miner read fails fast and every batch contains unanswered samples.
        var deadPort = LoopbackPorts.GetFreeTcpPort();
        var config = new
        {
            Relay = new
            {
                SiteId = "site-kill",
                RelayId = "relay-kill",
                PollInterval = "00:00:01",
                MinerTimeout = "00:00:00.5",
                Miners = Enumerable.Range(0, MinerCount)
                    .Select(i => new { Name = $"miner-{i}", Host = $"127.0.0.1:{deadPort}", Api = "web" }).ToArray(),
                Outbox = new { Path = _directory.File("outbox.db") },
                Publisher = new
                {
                    Kind = "https",
                    IngestUrl = _ingest.IngestUrl.ToString(),
                    FunctionKey = TestIngestServer.FunctionKey,
                    MaxRetryAttempts = 1,
                    RetryDelay = "00:00:00.1",
                    MaxRetryDelay = "00:00:00.5",
                },
            },
        };

        var path = _directory.File("relay.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config));
        return path;
    }

    private static async Task WaitUntilDrainedAsync(string outboxPath, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await using var outbox = new SqliteOutbox(outboxPath, 256L * 1024 * 1024, TimeProvider.System, NullLogger<SqliteOutbox>.Instance);
            if (await outbox.CountAsync(TestContext.Current.CancellationToken) <= 1)
            {
                return;
            }
        }
    }
}
