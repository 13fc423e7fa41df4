using System.Reflection;
using System.Text.Json.Nodes;
using FleetServerless.Infra.Tests.Settings;

namespace FleetServerless.Infra.Tests.Templates;

/// <summary>The fleet workbook charts every fleet metric the cloud side exports.</summary>
public sealed class WorkbookTests
{
    private static readonly string WorkbookPath = Path.Combine(RepositoryPaths.InfraBicep, "workbooks", "fleet-workbook.json");

    [Fact]
    public void Workbook_IsNotebookJson()
    {
        var workbook = JsonNode.Parse(File.ReadAllText(WorkbookPath))!;

        Assert.Equal("Notebook/1.0", (string?)workbook["version"]);
    }

    // The instrument names the cloud side exports, read from FleetMeter's constants so a rename shows here.
    public static TheoryData<string> Instruments() => new(InstrumentNames());

    [Fact]
    public void Instruments_AreFound()
    {
        Assert.Contains("fleet.hashrate", InstrumentNames());
    }

    [Theory]
    [MemberData(nameof(Instruments))]
    public void Workbook_QueriesMetric(string metric)
    {
        var queries = QueryTexts(JsonNode.Parse(File.ReadAllText(WorkbookPath))!);

        Assert.Contains(queries, query => query.Contains($"'{metric}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Workbook_QueriesSplitBySite()
    {
        var queries = QueryTexts(JsonNode.Parse(File.ReadAllText(WorkbookPath))!);

        Assert.All(queries, query => Assert.Contains("customDimensions['site']", query, StringComparison.Ordinal));
    }

    private static List<string> InstrumentNames() =>
        SettingsCatalog.CloudAssembly.GetTypes()
            .Single(type => type.Name == "FleetMeter")
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.Name.EndsWith("Instrument", StringComparison.Ordinal))
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

    // The KQL text of every query item (type 3) and query-driven parameter.
    private static List<string> QueryTexts(JsonNode workbook)
    {
        var queries = new List<string>();
        foreach (var item in workbook["items"]!.AsArray())
        {
            if ((int?)item?["type"] == 3 && item["content"]?["query"] is JsonValue query)
            {
                queries.Add((string)query!);
            }
        }

        Assert.NotEmpty(queries);
        return queries;
    }
}
