using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Api;

/// <summary>Problem-details (RFC 9457) errors of the owner API.</summary>
public static class ApiProblems
{
    /// <summary>A 400 naming the query parameter, the value received and what to send instead.</summary>
    public static IResult InvalidParameter(string parameter, string? value, string fix) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: $"The query parameter '{parameter}' is invalid.",
            detail: value is null ? $"'{parameter}' is missing. {fix}" : $"'{parameter}' is '{value}'. {fix}",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult MinerNotFound(string minerId) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "The miner was not found.",
            detail: $"No batch has reported a miner with id '{minerId}'. GET /api/miners lists the known ids.");

    public static IResult DatasetNotFound(string dataset, IEnumerable<string> known) =>
        Results.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "The export dataset was not found.",
            detail: $"There is no dataset '{dataset}'. Use one of: {string.Join(", ", known)}.");

    public static IResult StorageUnavailable() =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage is not available; retry later.",
            detail: "The table service did not answer the query. The operator finds the error in the logs.");
}
