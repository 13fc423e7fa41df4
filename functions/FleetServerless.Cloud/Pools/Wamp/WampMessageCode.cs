namespace FleetServerless.Cloud.Pools.Wamp;

/// <summary>WAMP v2 message type codes: the first element of every message array.</summary>
public static class WampMessageCode
{
    public const int Hello = 1;
    public const int Welcome = 2;
    public const int Abort = 3;
    public const int Challenge = 4;
    public const int Authenticate = 5;
    public const int Goodbye = 6;
    public const int Error = 8;
    public const int Subscribe = 32;
    public const int Subscribed = 33;
    public const int Event = 36;
    public const int Call = 48;
    public const int Result = 50;
}
