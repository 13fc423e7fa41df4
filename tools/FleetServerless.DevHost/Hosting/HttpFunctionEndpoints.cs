using FleetServerless.Cloud.Http;

namespace FleetServerless.DevHost.Hosting;

/// <summary>Maps the registry's HTTP functions under <c>/api</c>, with the function-key check of the Functions host.</summary>
public static class HttpFunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static void MapFunctions(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<FunctionRegistry>();
        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        foreach (var function in registry.Functions.Where(f => f.Trigger == FunctionTrigger.Http))
        {
            var handler = function.HttpHandler!;
            var requiresKey = function.AuthLevel != FunctionAuthLevel.Anonymous;
            app.MapMethods($"/{RoutePrefix}/{function.Route}", function.Methods.Select(m => m.ToUpperInvariant()).ToArray(),
                    async context =>
                    {
                        var result = requiresKey && !FunctionKeys.Matches(FunctionKeys.ReadKey(context.Request), keys.ApiKey)
                            ? ProblemResults.Unauthorized()
                            : await handler(context);
                        await result.ExecuteAsync(context);
                    })
                .WithName(function.Name);
        }
    }
}
