using FleetServerless.Core.Telemetry;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Http;

/// <summary>Problem-details (RFC 9457) results that both hosts return for errors.</summary>
public static class ProblemResults
{
    /// <summary>
    /// A 400 listing every invalid field. Each entry of the <c>errors</c> extension has the field path
    /// (<c>samples[3].powerWatts</c>), the message, and the sample index when the field is inside a sample.
    /// </summary>
    public static IResult InvalidBatch(IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var first = problems.Count > 0 ? problems[0] : new ValidationProblem("", "is invalid.");
        var errors = problems
            .Select(p => new Dictionary<string, object?>
            {
                ["field"] = p.Field,
                ["message"] = p.Message,
                ["sampleIndex"] = SampleIndexOf(p.Field),
            })
            .ToList();

        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The telemetry batch is invalid; nothing was stored.",
            detail: $"{first.Field} {first.Message}".Trim() + (problems.Count > 1 ? $" ({problems.Count - 1} more problems in 'errors')" : ""),
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>A 400 for a body that is not the expected document, naming the field where reading stopped.</summary>
    public static IResult BadRequest(string field, string message) =>
        InvalidBatch([new ValidationProblem(field, message)]);

    public static IResult Unauthorized() =>
        Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A function key is required.",
            detail: $"Send the key in the '{FunctionKeys.HeaderName}' header or the '{FunctionKeys.QueryParameterName}' query parameter.");

    public static IResult PayloadTooLarge(long limitBytes) =>
        Results.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.",
            detail: $"The body, after decompression, exceeds {limitBytes} bytes; split the batch.");

    public static IResult UnsupportedEncoding(string encoding) =>
        Results.Problem(
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "The content encoding is not supported.",
            detail: $"Content-Encoding '{encoding}' is not supported; send 'gzip' or no encoding.");

    public static IResult ServiceUnavailable(string detail) =>
        Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Storage is not available; retry later.",
            detail: detail);

    /// <summary>Reads the index out of a path such as <c>samples[12].boards[0].chipsRed</c>.</summary>
    internal static int? SampleIndexOf(string field)
    {
        const string prefix = "samples[";
        if (!field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = field.IndexOf(']', prefix.Length);
        return end > prefix.Length && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), out var index)
            ? index
            : null;
    }
}
