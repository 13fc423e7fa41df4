using System.Globalization;
using CsvHelper;
using FleetServerless.Cloud.Api.Export;

namespace FleetServerless.Cloud.Tests.Api;

public sealed class CsvExportWriterTests
{
    private sealed record Row(string? Text, double? Number, DateTimeOffset At);

    private static readonly CsvColumn<Row>[] Columns =
    [
        new("text", r => r.Text),
        new("numberWatts", r => r.Number),
        new("atUtc", r => r.At),
    ];

    [Theory]
    [InlineData("=HYPERLINK(\"http://miner.example\")")]
    [InlineData("+1+2")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1")]
    [InlineData("\r=1")]
    public async Task FormulaCell_IsPrefixedWithApostrophe(string text)
    {
        var cells = await RoundTripAsync([new Row(text, 1, DateTimeOffset.UnixEpoch)]);

        Assert.Equal("'" + text, cells[1][0]);
    }

    [Theory]
    [InlineData("site-a")]
    [InlineData("m01")]
    [InlineData("a=b")]
    [InlineData("")]
    public async Task PlainCell_IsUnchanged(string text)
    {
        var cells = await RoundTripAsync([new Row(text, 1, DateTimeOffset.UnixEpoch)]);

        Assert.Equal(text, cells[1][0]);
    }

    [Fact]
    public async Task RoundTrip_QuotesCommasQuotesAndNewlines()
    {
        const string awkward = "board 2, \"chain\" lost\r\nsecond line";

        var cells = await RoundTripAsync([new Row(awkward, 3425.5, new DateTimeOffset(2026, 12, 3, 10, 5, 0, TimeSpan.FromHours(2)))]);

        Assert.Equal(["text", "numberWatts", "atUtc"], cells[0]);
        Assert.Equal(awkward, cells[1][0]);
        Assert.Equal("3425.5", cells[1][1]);
        Assert.Equal("2026-12-03T08:05:00Z", cells[1][2]);
    }

    [Fact]
    public async Task NegativeNumber_StaysANumber()
    {
        var cells = await RoundTripAsync([new Row("x", -12.25, DateTimeOffset.UnixEpoch)]);

        Assert.Equal("-12.25", cells[1][1]);
        Assert.Equal(-12.25, double.Parse(cells[1][1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Unknown_IsAnEmptyCell()
    {
        var cells = await RoundTripAsync([new Row(null, null, DateTimeOffset.UnixEpoch), new Row("y", double.NaN, DateTimeOffset.UnixEpoch)]);

        Assert.Equal("", cells[1][0]);
        Assert.Equal("", cells[1][1]);
        Assert.Equal("", cells[2][1]);
    }

    [Fact]
    public async Task WriteAsync_ReturnsRowsWritten()
    {
        using var writer = new StringWriter();

        var count = await CsvExportWriter.WriteAsync(writer, Columns, Rows([new Row("a", 1, default), new Row("b", 2, default)]), CancellationToken.None);

        Assert.Equal(2, count);
    }

    [Fact]
    public void DateTimeWithoutOffset_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvExportWriter.FormatCell(new DateTime(2026, 12, 3)));

        Assert.Contains("DateTimeOffset", error.Message);
    }

    /// <summary>Writes rows, then reads the text back with CsvHelper's reader; row 0 is the header.</summary>
    private static async Task<List<string[]>> RoundTripAsync(IReadOnlyList<Row> rows)
    {
        using var writer = new StringWriter();
        await CsvExportWriter.WriteAsync(writer, Columns, Rows(rows), CancellationToken.None);
        return ParseCsv(writer.ToString());
    }

    internal static List<string[]> ParseCsv(string text)
    {
        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        var result = new List<string[]>();
        while (reader.Read())
        {
            result.Add(reader.Parser.Record ?? []);
        }

        return result;
    }

    private static async IAsyncEnumerable<Row> Rows(IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
