namespace FleetServerless.DevHost;

public static class DevHostServiceCollectionExtensions
{
    /// <summary>
    /// Registers what only the DevHost needs per area; handlers come from <c>AddFleetCloud</c>. An area adds a
    /// line here only when its descriptors need a service that the Functions app does not register.
    /// </summary>
    public static IServiceCollection AddDevHostAreas(this IServiceCollection services) => services;
}
