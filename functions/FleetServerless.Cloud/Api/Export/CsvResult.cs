using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetServerless.Cloud.Api.Export;

/// <summary>Streams rows as a CSV attachment (UTF-8, no byte order mark) while they are read from storage.</summary>
public sealed class CsvResult<TRow>(
    string fileName,
    IReadOnlyList<CsvColumn<TRow>> columns,
    IAsyncEnumerable<TRow> rows,
    Action<long>? written = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        response.Headers.CacheControl = "no-store";

        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        var count = await CsvExportWriter.WriteAsync(writer, columns, rows, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
        written?.Invoke(count);
    }
}
