using System.Reflection;
using FleetServerless.Infra.Tests.Settings;

namespace FleetServerless.Infra.Tests.Templates;

/// <summary>
/// main.bicep creates every table and queue the cloud side uses, so a new table in code is not missed. The
/// names are read from the constants of the Cloud assembly and looked up in main.bicep's text, because the
/// compiled template keeps the lists as copy loops.
/// </summary>
public sealed class StorageNameTests
{
    private static readonly string MainText = File.ReadAllText(RepositoryPaths.MainTemplate);

    public static TheoryData<string> TableNames() =>
        new(ConstantsOf(type => type.Name.EndsWith("TableNames", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(TableNames))]
    public void MainTemplate_CreatesTable(string logicalName)
    {
        Assert.True(
            MainText.Contains($"'{logicalName}'", StringComparison.Ordinal),
            $"main.bicep does not create the table {logicalName}. Add '{logicalName}' to its tableNames list.");
    }

    [Fact]
    public void MainTemplate_CreatesNotificationQueues()
    {
        var queue = SettingsCatalog.CloudAssembly.GetTypes().Single(type => type.Name == "NotificationQueue");
        var names = queue.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.Name.EndsWith("QueueName", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.True(
                MainText.Contains($"'{name}'", StringComparison.Ordinal),
                $"main.bicep does not create the queue {name}. Add '{name}' to its queueNames list.");
        }
    }

    private static IEnumerable<string> ConstantsOf(Func<Type, bool> typeFilter) =>
        SettingsCatalog.CloudAssembly.GetTypes()
            .Where(typeFilter)
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => (string)field.GetRawConstantValue()!)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
}
