namespace FleetServerless.DevHost.Hosting;

/// <summary>
/// A file of descriptors, one per area (<c>Ingest/IngestFunctionDescriptors.cs</c>). The registry finds every
/// non-abstract implementation with a public parameterless constructor in the DevHost assembly, so adding a
/// function needs no registration line.
/// </summary>
public interface IFunctionDescriptorSource
{
    IEnumerable<FunctionDescriptor> GetDescriptors();
}
