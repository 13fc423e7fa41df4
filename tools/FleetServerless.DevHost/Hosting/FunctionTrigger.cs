namespace FleetServerless.DevHost.Hosting;

/// <summary>The trigger kinds the DevHost runs, named as <c>functions.metadata</c> names them.</summary>
public enum FunctionTrigger
{
    /// <summary><c>httpTrigger</c>.</summary>
    Http,

    /// <summary><c>timerTrigger</c>.</summary>
    Timer,

    /// <summary><c>queueTrigger</c>.</summary>
    Queue,
}
