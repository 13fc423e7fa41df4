using FleetServerless.Cloud;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The Functions app: ASP.NET Core integration, so HTTP triggers take HttpRequest and return IActionResult.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFleetCloud(builder.Configuration);
builder.Build().Run();
