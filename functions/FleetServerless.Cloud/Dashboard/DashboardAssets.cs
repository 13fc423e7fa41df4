using System.Reflection;

namespace FleetServerless.Cloud.Dashboard;

/// <summary>
/// The dashboard bundle embedded in this assembly at build time (<c>dashboard/</c>, built by
/// <c>npm run build:dashboard</c>): the page template, its script and its styles.
/// </summary>
public sealed class DashboardAssets
{
    private const string ResourcePrefix = "FleetServerless.Dashboard.";

    private DashboardAssets(string template, string script, string styles)
    {
        Template = template;
        Script = script;
        Styles = styles;
    }

    /// <summary>The page with <c>{{nonce}}</c>, <c>{{styles}}</c> and <c>{{script}}</c> placeholders.</summary>
    public string Template { get; }

    public string Script { get; }

    public string Styles { get; }

    /// <summary>
    /// Loads the bundle. Throws <see cref="InvalidOperationException"/> when a part is missing (the build did
    /// not embed it) or when the script would end the inline element early.
    /// </summary>
    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var template = Read(assembly, "dashboard.html");
        var script = Read(assembly, "dashboard.js");
        var styles = Read(assembly, "dashboard.css");

        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase)
            || styles.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "The dashboard bundle contains a closing </script> or </style> tag and cannot be inlined; rebuild it with 'npm run build:dashboard'.");
        }

        return new DashboardAssets(template, script, styles);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException(
                $"The dashboard file '{name}' is not embedded in {assembly.GetName().Name}. Run 'npm ci' in the repository root and rebuild.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
