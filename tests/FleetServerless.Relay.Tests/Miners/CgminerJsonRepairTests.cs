using System.Text.Json;
using FleetServerless.Relay.Miners;

namespace FleetServerless.Relay.Tests.Miners;

/// <summary>Each malformed form CGMiner-style TCP APIs send, repaired.</summary>
public sealed class CgminerJsonRepairTests
{
    private static JsonElement Parse(string reply)
    {
        var (json, _) = CgminerJsonRepair.Repair(reply);
        return JsonDocument.Parse(json).RootElement;
    }

    [Fact]
    public void TrailingNul_IsStripped()
    {
        var root = Parse("{\"STATUS\":[{\"STATUS\":\"S\"}],\"id\":1}\0");

        Assert.Equal(1, root.GetProperty("id").GetInt32());
    }

    [Fact]
    public void MissingComma_BetweenObjects_IsInserted()
    {
        var root = Parse("""{"STATS":[{"Type":"Antminer L7"}{"GHS 5s":9512.5}],"id":1}""" + "\0");

        Assert.Equal(2, root.GetProperty("STATS").GetArrayLength());
        Assert.Equal(9512.5, root.GetProperty("STATS")[1].GetProperty("GHS 5s").GetDouble());
    }

    [Fact]
    public void InfAndNan_BecomeStrings()
    {
        var root = Parse("""{"SUMMARY":[{"GHS 5s":9512.5,"GHS av":nan,"Utility":inf,"x":-inf}]}""");
        var summary = root.GetProperty("SUMMARY")[0];

        Assert.Equal(9512.5, summary.GetProperty("GHS 5s").GetDouble());
        Assert.Equal("nan", summary.GetProperty("GHS av").GetString());
        Assert.Equal("inf", summary.GetProperty("Utility").GetString());
        Assert.Equal("-inf", summary.GetProperty("x").GetString());
    }

    [Fact]
    public void InfInsideString_IsLeftAlone()
    {
        var root = Parse("""{"Msg":"info nan inf"}""");

        Assert.Equal("info nan inf", root.GetProperty("Msg").GetString());
    }

    [Fact]
    public void InfNanValue_CostsOnlyThatField()
    {
        var fields = new JsonFields([]);
        var summary = Parse("""{"GHS av":nan}""");

        Assert.Null(fields.Number(summary, "GHS av", "summary.GHS av"));
        Assert.Single(fields.Problems);
    }

    [Fact]
    public void PaddedNumber_IsReadAsNumber()
    {
        var fields = new JsonFields([]);
        var summary = Parse("""{"GHS 5s":"  504.1200"}""");

        Assert.Equal(504.12, fields.Number(summary, "GHS 5s", "summary.GHS 5s"));
        Assert.Empty(fields.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0")]
    [InlineData("  \0")]
    public void EmptyReply_IsEmpty(string reply)
    {
        var (json, _) = CgminerJsonRepair.Repair(reply);

        Assert.Equal("", json);
    }

    [Fact]
    public void TruncatedReply_KeepsCompleteValues()
    {
        var full = """{"STATUS":[{"STATUS":"S"}],"STATS":[{"Type":"Antminer L7"},{"GHS 5s":9512.5,"chain_acn1":120,"chain_acs1":"oooo""";

        var (json, repairs) = CgminerJsonRepair.Repair(full);
        var root = JsonDocument.Parse(json).RootElement;

        var stats = root.GetProperty("STATS")[1];
        Assert.Equal(9512.5, stats.GetProperty("GHS 5s").GetDouble());
        Assert.Equal(120, stats.GetProperty("chain_acn1").GetInt32());
        Assert.False(stats.TryGetProperty("chain_acs1", out _));
        Assert.Contains(repairs, r => r.Contains("cut short", StringComparison.Ordinal));
    }

    [Fact]
    public void TruncatedInsideKey_CutsBackToLastValue()
    {
        var (json, _) = CgminerJsonRepair.Repair("""{"SUMMARY":[{"Elapsed":100,"GHS 5s":9512.5,"GH""");
        var summary = JsonDocument.Parse(json).RootElement.GetProperty("SUMMARY")[0];

        Assert.Equal(9512.5, summary.GetProperty("GHS 5s").GetDouble());
    }

    [Fact]
    public void ValidJson_IsUnchanged()
    {
        const string valid = """{"a":[1,2,{"b":"c"}],"d":null}""";

        var (json, repairs) = CgminerJsonRepair.Repair(valid);

        Assert.Equal(valid, json);
        Assert.Empty(repairs);
    }
}
