using Microsoft.AspNetCore.Mvc;
using IResult = Microsoft.AspNetCore.Http.IResult;

namespace FleetServerless.Functions.Hosting;

/// <summary>
/// Runs a minimal-API <see cref="IResult"/> as an MVC <see cref="IActionResult"/>, so the Functions app returns
/// exactly what the DevHost returns for the same handler.
/// </summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public IResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result.ExecuteAsync(context.HttpContext);
    }
}
