namespace FleetServerless.DevHost.Hosting;

/// <summary>HTTP authorization levels, named as in <c>functions.metadata</c>. The DevHost has one key for Function and Admin.</summary>
public enum FunctionAuthLevel
{
    Anonymous,
    Function,
    Admin,
}
