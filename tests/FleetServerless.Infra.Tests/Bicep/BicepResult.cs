using System.Text.RegularExpressions;

namespace FleetServerless.Infra.Tests.Bicep;

/// <summary>The exit code and the combined standard output and error of one Bicep CLI run.</summary>
internal sealed partial record BicepResult(int ExitCode, string Output)
{
    /// <summary>
    /// Every diagnostic line (error, warning or info, from the linter or the compiler), such as
    /// <c>main.bicep(3,7) : Warning no-unused-params: ...</c>. Compiler warnings (BCP codes) cannot be raised
    /// to errors in bicepconfig.json, so a check treats any diagnostic as a failure.
    /// </summary>
    public IReadOnlyList<string> Diagnostics =>
        Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => DiagnosticLine().IsMatch(line))
            .ToList();

    [GeneratedRegex(@"\(\d+,\d+\) : (Error|Warning|Info) ")]
    private static partial Regex DiagnosticLine();
}
