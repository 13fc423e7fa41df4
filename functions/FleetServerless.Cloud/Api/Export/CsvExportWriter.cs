using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FleetServerless.Cloud.Api.Export;

/// <summary>
/// Writes rows as RFC 4180 CSV (comma, CRLF, quotes where needed) with a header row, invariant numbers and
/// UTC ISO 8601 times, and text cells neutralized against formula injection.
/// </summary>
public static class CsvExportWriter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        // Text is escaped by CsvFormulaGuard instead, which leaves negative numbers as numbers.
        InjectionOptions = InjectionOptions.None,
        // Quote every field holding a delimiter, a quote or any line break: a lone carriage return would
        // otherwise end the record for many readers.
        ShouldQuote = args => args.Field is { } field && field.AsSpan().IndexOfAny(",\"\r\n") >= 0,
    };

    /// <summary>Writes the header and every row to <paramref name="writer"/>; returns the number of rows written.</summary>
    public static async Task<long> WriteAsync<TRow>(
        TextWriter writer,
        IReadOnlyList<CsvColumn<TRow>> columns,
        IAsyncEnumerable<TRow> rows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);

        await using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(CsvFormulaGuard.Neutralize(column.Name));
        }

        await csv.NextRecordAsync();

        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(FormatCell(column.Value(row)));
            }

            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }

    /// <summary>Formats one value; text is neutralized, everything else is written in invariant form.</summary>
    public static string FormatCell(object? value) => value switch
    {
        null => "",
        string text => CsvFormulaGuard.Neutralize(text)!,
        DateTimeOffset time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime time => throw new ArgumentException(
            $"A DateTime value ({time:O}) has no offset; pass a DateTimeOffset so the export can write UTC.", nameof(value)),
        bool flag => flag ? "true" : "false",
        double number when double.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        double => "",
        float number when float.IsFinite(number) => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvFormulaGuard.Neutralize(value.ToString()) ?? "",
    };
}
