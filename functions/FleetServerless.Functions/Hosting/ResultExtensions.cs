using Microsoft.AspNetCore.Mvc;
using IResult = Microsoft.AspNetCore.Http.IResult;

namespace FleetServerless.Functions.Hosting;

public static class ResultExtensions
{
    /// <summary>Wraps a handler's result for an HTTP trigger's return value.</summary>
    public static IActionResult ToActionResult(this IResult result) => new ResultActionResult(result);

    /// <summary>Awaits a handler and wraps its result.</summary>
    public static async Task<IActionResult> ToActionResult(this Task<IResult> result) => new ResultActionResult(await result);
}
