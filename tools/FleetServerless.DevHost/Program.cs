using FleetServerless.DevHost;

// fleet-devhost: the cloud side on ASP.NET Core at http://127.0.0.1:7071 (set 'urls' to change it).
var app = DevHostApp.Build(DevHostApp.CreateBuilder(args));
app.Run();
