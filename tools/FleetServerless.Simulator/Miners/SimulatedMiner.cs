using System.Globalization;
using System.Security.Cryptography;

namespace FleetServerless.Simulator.Miners;

/// <summary>
/// One simulated miner: its identity, its ports, the settings and faults that can be switched while it runs, and
/// the values it reports (<see cref="Expected"/>). Safe to change from any thread while requests are served.
/// </summary>
public sealed class SimulatedMiner
{
    /// <summary>The board that fails under <see cref="MinerFaults.Failure"/>.</summary>
    public const int FailedBoardId = 2;

    /// <summary>The description the failed board reports.</summary>
    public const string FailedBoardDescription = "Failed to set start up voltage";

    /// <summary>The description <c>/status</c> reports under <see cref="MinerFaults.Failure"/>.</summary>
    public const string FailureDescription = "Hashboard 2 failed: Failed to set start up voltage";

    private readonly Lock _authLock = new();
    private readonly Dictionary<string, DateTimeOffset?> _tokens = new(StringComparer.Ordinal);
    private readonly SimulatedFleetOptions _fleetOptions;
    private int _wrongPasswordsInRow;
    private DateTimeOffset? _lockedOutUntil;
    private long _unlockRequests;
    private long _webRequests;
    private long _tcpRequests;
    private BodyCache _bodyCache = new(default);

    internal SimulatedMiner(int index, SimulatedMinerSetup setup, SimulatedFleetOptions fleetOptions)
    {
        Index = index;
        _fleetOptions = fleetOptions;
        var digits = Math.Max(2, fleetOptions.Count.ToString(CultureInfo.InvariantCulture).Length);
        Name = fleetOptions.NamePrefix + (index + 1).ToString("D" + digits, CultureInfo.InvariantCulture);
        Mac = string.Create(CultureInfo.InvariantCulture, $"02:00:{fleetOptions.MacGroup:X2}:{(index >> 16) & 0xFF:X2}:{(index >> 8) & 0xFF:X2}:{index & 0xFF:X2}");
        Kind = setup.Kind;
        FirmwareVersion = setup.FirmwareVersion;
        FirmwareBrand = setup.FirmwareBrand;
        Password = setup.Password;
        ApiKey = setup.ApiKey;
        HasTcpApi = setup.TcpApi || setup.Kind == SimulatedMinerKind.TcpOnlyL3Plus;
        TcpAcceptsCombinedCommands = setup.TcpAcceptsCombinedCommands;
        TcpReplyForm = setup.TcpReplyForm;
        Faults = setup.Faults;
        ResponseDelay = setup.ResponseDelay;
        OfflineAtStart = setup.Faults.HasFlag(MinerFaults.Offline);
    }

    /// <summary>The zero-based position of the miner in its fleet.</summary>
    public int Index { get; }

    public string Name { get; }

    public string Mac { get; }

    /// <summary>The web API port on 127.0.0.1.</summary>
    public int WebPort { get; internal set; }

    /// <summary>The TCP API port on 127.0.0.1, or null when the miner has no TCP API.</summary>
    public int? TcpPort { get; internal set; }

    /// <summary>The web API address as the relay configures it: <c>127.0.0.1:port</c>.</summary>
    public string Host => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{WebPort}");

    public bool HasTcpApi { get; }

    public SimulatedMinerKind Kind { get; set; }

    /// <summary>The firmware version; switching between 1.2.x and 1.3.x switches the board endpoint.</summary>
    public string FirmwareVersion { get; set; }

    public string FirmwareBrand { get; set; }

    /// <summary>The password unlock accepts; changing it makes the relay's configured password wrong.</summary>
    public string Password { get; set; }

    public string? ApiKey { get; set; }

    public bool TcpAcceptsCombinedCommands { get; set; }

    public TcpReplyForm TcpReplyForm { get; set; }

    public MinerFaults Faults { get; set; }

    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Whether the miner serves <c>/boards</c> (1.3 and later, pre-releases included) rather than <c>/chains</c>.</summary>
    public bool ServesBoards => ParseMajorMinor(FirmwareVersion) >= new Version(1, 3);

    /// <summary>How many <c>POST /api/v1/unlock</c> requests the miner received.</summary>
    public long UnlockRequests => Interlocked.Read(ref _unlockRequests);

    /// <summary>How many web API requests the miner received, unlock included.</summary>
    public long WebRequests => Interlocked.Read(ref _webRequests);

    /// <summary>How many TCP API connections the miner received.</summary>
    public long TcpRequests => Interlocked.Read(ref _tcpRequests);

    internal bool OfflineAtStart { get; }

    /// <summary>The values the miner reports now, derived from its kind, index and faults.</summary>
    public MinerExpectation Expected => MinerExpectationBuilder.Build(this);

    public void SetFault(MinerFaults fault, bool enabled) =>
        Faults = enabled ? Faults | fault : Faults & ~fault;

    public bool HasFault(MinerFaults fault) => (Faults & fault) == fault;

    /// <summary>Invalidates every token issued so far, as the firmware does when a token expires.</summary>
    public void ExpireTokens()
    {
        lock (_authLock)
        {
            _tokens.Clear();
        }
    }

    /// <summary>Locks unlock out for <paramref name="duration"/>, as after too many wrong passwords.</summary>
    public void LockOut(TimeSpan duration)
    {
        lock (_authLock)
        {
            _lockedOutUntil = _fleetOptions.TimeProvider.GetUtcNow() + duration;
        }
    }

    internal void CountWebRequest() => Interlocked.Increment(ref _webRequests);

    /// <summary>
    /// Returns a response body built for the miner's current settings, building it on first use. Any change of kind,
    /// firmware, faults or TCP reply settings makes a new cache, because every body is derived from those settings alone.
    /// </summary>
    internal byte[] CachedBody(string route, Func<byte[]> build)
    {
        var key = (Kind, FirmwareVersion, FirmwareBrand, Faults, TcpReplyForm, TcpAcceptsCombinedCommands);
        var cache = _bodyCache;
        if (cache.Key != key)
        {
            cache = new BodyCache(key);
            _bodyCache = cache;
        }

        return cache.Bodies.GetOrAdd(route, _ => build());
    }

    internal void CountTcpRequest() => Interlocked.Increment(ref _tcpRequests);

    /// <summary>Checks a password as <c>/unlock</c> does and returns the HTTP status, the token and the lock-out left.</summary>
    internal (int Status, string? Token, long? UnlockTimeoutSeconds) Unlock(string? password)
    {
        Interlocked.Increment(ref _unlockRequests);
        var now = _fleetOptions.TimeProvider.GetUtcNow();
        lock (_authLock)
        {
            if (_lockedOutUntil is { } until && until > now)
            {
                return (429, null, (long)Math.Ceiling((until - now).TotalSeconds));
            }

            if (!string.Equals(password, Password, StringComparison.Ordinal))
            {
                _wrongPasswordsInRow++;
                if (_wrongPasswordsInRow >= _fleetOptions.WrongPasswordsBeforeLockout)
                {
                    _wrongPasswordsInRow = 0;
                    _lockedOutUntil = now + _fleetOptions.LockoutDuration;
                    return (429, null, (long)Math.Ceiling(_fleetOptions.LockoutDuration.TotalSeconds));
                }

                return (403, null, null);
            }

            _wrongPasswordsInRow = 0;
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            _tokens[token] = _fleetOptions.TokenLifetime is { } lifetime ? now + lifetime : null;
            return (200, token, null);
        }
    }

    /// <summary>Whether a request carries a valid token (Bearer or bare) or the API key.</summary>
    internal bool IsAuthorized(string? authorization, string? apiKey)
    {
        if (ApiKey is { } key && string.Equals(apiKey, key, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(authorization))
        {
            return false;
        }

        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : authorization.Trim();
        var now = _fleetOptions.TimeProvider.GetUtcNow();
        lock (_authLock)
        {
            if (!_tokens.TryGetValue(token, out var expiresAt))
            {
                return false;
            }

            if (expiresAt is { } expiry && expiry <= now)
            {
                _tokens.Remove(token);
                return false;
            }

            return true;
        }
    }

    internal bool SummaryRequiresAuth => _fleetOptions.SummaryRequiresAuth;

    /// <summary>Reads <c>major.minor</c> from a version such as <c>1.3.0-alpha</c> or <c>1.2.6-rc1</c>.</summary>
    internal static Version ParseMajorMinor(string version)
    {
        var core = version.Split('-', '+', ' ')[0];
        var parts = core.Split('.');
        var major = parts.Length > 0 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var m) ? m : 0;
        var minor = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var n) ? n : 0;
        return new Version(major, minor);
    }

    private sealed record BodyCache((SimulatedMinerKind, string, string, MinerFaults, TcpReplyForm, bool) Key)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Bodies { get; } = new(StringComparer.Ordinal);
    }
}
