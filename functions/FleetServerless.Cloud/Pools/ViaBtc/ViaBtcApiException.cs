namespace FleetServerless.Cloud.Pools.ViaBtc;

/// <summary>ViaBTC returned a non-zero code in its envelope; <see cref="Exception.Message"/> states what to do.</summary>
public sealed class ViaBtcApiException(int code, string message) : Exception(message)
{
    /// <summary>The pool's code: 12001 invalid key, 12002 signature error, 12003 invalid tonce, 12004 IP not allowed.</summary>
    public int Code { get; } = code;
}
