namespace FleetServerless.Cloud.Api.Export;

/// <summary>
/// Neutralizes text cells that a spreadsheet would run as a formula (CSV injection): a cell that begins
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, which
/// Excel, LibreOffice and Google Sheets show as text.
/// </summary>
/// <remarks>
/// Only text is guarded. Numbers are written by the exporter itself in invariant form, so a negative profit
/// stays a number that Power BI types as decimal.
/// </remarks>
public static class CsvFormulaGuard
{
    public const char EscapeCharacter = '\'';

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static bool NeedsEscape(string? text) =>
        !string.IsNullOrEmpty(text) && Array.IndexOf(FormulaStarts, text[0]) >= 0;

    public static string? Neutralize(string? text) =>
        NeedsEscape(text) ? EscapeCharacter + text : text;
}
