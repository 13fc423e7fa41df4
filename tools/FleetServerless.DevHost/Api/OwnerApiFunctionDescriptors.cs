using FleetServerless.Cloud.Api;
using FleetServerless.Cloud.Api.Export;
using FleetServerless.Cloud.Api.History;
using FleetServerless.Cloud.Api.Miners;
using FleetServerless.Cloud.Dashboard;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Api;

/// <summary>The owner API and dashboard, with the names, routes and key level of the Functions app's triggers.</summary>
public sealed class OwnerApiFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Http<MinersHandler>("Miners", FunctionAuthLevel.Function, "get", OwnerApiRoutes.Miners,
            (handler, request, token) => handler.ListAsync(request, token)),
        FunctionDescriptor.Http<MinersHandler>("Miner", FunctionAuthLevel.Function, "get", OwnerApiRoutes.Miner,
            (handler, request, token) => handler.GetAsync(request, RouteValue(request, "id"), token)),
        FunctionDescriptor.Http<HistoryHandler>("FleetHistory", FunctionAuthLevel.Function, "get", OwnerApiRoutes.FleetHistory,
            (handler, request, token) => handler.FleetAsync(request, token)),
        FunctionDescriptor.Http<HistoryHandler>("MinerHistory", FunctionAuthLevel.Function, "get", OwnerApiRoutes.MinerHistory,
            (handler, request, token) => handler.MinerAsync(request, RouteValue(request, "id"), token)),
        FunctionDescriptor.Http<ExportHandler>("Export", FunctionAuthLevel.Function, "get", OwnerApiRoutes.Export,
            (handler, request, token) => handler.ExportAsync(request, RouteValue(request, "dataset"), token)),
        FunctionDescriptor.Http<DashboardHandler>("Dashboard", FunctionAuthLevel.Function, "get", OwnerApiRoutes.Dashboard,
            (handler, request, _) => Task.FromResult(handler.Page(request))),
    ];

    private static string RouteValue(HttpRequest request, string name) =>
        request.RouteValues.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" : "";
}
