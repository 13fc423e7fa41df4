using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FleetServerless.Infra.Tests.Settings;

/// <summary>
/// Every app setting that the cloud side's options classes bind, found by reflection: each public type in
/// FleetServerless.Cloud with a <c>public const string SectionName</c> is bound with
/// <c>BindConfiguration(SectionName)</c>, and each of its public settable properties is a setting.
/// </summary>
internal static partial class SettingsCatalog
{
    private const int MaxDepth = 6;

    public static Assembly CloudAssembly { get; } = Assembly.Load("FleetServerless.Cloud");

    /// <summary>The options types and their section names.</summary>
    public static IReadOnlyList<(Type Type, string Section)> OptionsTypes() =>
        CloudAssembly.GetTypes()
            .Where(type => type.IsPublic || type.IsNestedPublic)
            .Select(type => (Type: type, Section: SectionNameOf(type)))
            .Where(pair => pair.Section is not null)
            .Select(pair => (pair.Type, pair.Section!))
            .OrderBy(pair => pair.Item2, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every bound setting, ordered by name.</summary>
    public static IReadOnlyList<BoundSetting> All() =>
        OptionsTypes()
            .SelectMany(pair => SettingsOf(pair.Type, ToAppSettingName(pair.Section), pair.Type.Name, depth: 0))
            .DistinctBy(setting => setting.Name, StringComparer.OrdinalIgnoreCase)
            .OrderBy(setting => setting.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Turns a configuration path (<c>Alerts:Smtp</c>) into an app setting name (<c>Alerts__Smtp</c>).</summary>
    public static string ToAppSettingName(string configurationPath) => configurationPath.Replace(":", "__", StringComparison.Ordinal);

    private static string? SectionNameOf(Type type)
    {
        var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        return field is { IsLiteral: true } && field.FieldType == typeof(string) ? (string?)field.GetRawConstantValue() : null;
    }

    private static IEnumerable<BoundSetting> SettingsOf(Type type, string prefix, string source, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{source} nests options deeper than {MaxDepth} levels; is there a cycle?");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var settable = property.SetMethod is { IsPublic: true };
            var kind = KindOf(property.PropertyType);

            // The configuration binder also fills get-only objects and collections in place.
            if (!settable && kind == PropertyKind.Simple)
            {
                continue;
            }

            var name = $"{prefix}__{property.Name}";
            var propertySource = $"{source}.{property.Name}";
            switch (kind)
            {
                case PropertyKind.Simple:
                    yield return new BoundSetting(name, propertySource, IsSecret(name), IsCollection: false);
                    break;
                case PropertyKind.Collection:
                    yield return new BoundSetting(name, propertySource, IsSecret(name), IsCollection: true);
                    break;
                default:
                    foreach (var nested in SettingsOf(property.PropertyType, name, propertySource, depth + 1))
                    {
                        yield return nested;
                    }

                    break;
            }
        }
    }

    private enum PropertyKind
    {
        Simple,
        Collection,
        Object,
    }

    private static PropertyKind KindOf(Type type)
    {
        var core = Nullable.GetUnderlyingType(type) ?? type;
        if (core.IsPrimitive || core.IsEnum || core == typeof(string) || core == typeof(decimal) || core == typeof(TimeSpan)
            || core == typeof(DateTime) || core == typeof(DateTimeOffset) || core == typeof(Uri) || core == typeof(Guid)
            || core == typeof(DateOnly) || core == typeof(TimeOnly))
        {
            return PropertyKind.Simple;
        }

        return typeof(IEnumerable).IsAssignableFrom(core) ? PropertyKind.Collection : PropertyKind.Object;
    }

    // Passwords, keys, tokens and connection strings by name; webhook URLs because Slack, Discord, Teams and
    // similar services put the credential in the URL.
    private static bool IsSecret(string name)
    {
        var last = name[(name.LastIndexOf("__", StringComparison.Ordinal) + 2)..];
        return SecretName().IsMatch(last)
            || (name.Contains("Webhook", StringComparison.OrdinalIgnoreCase) && last.Contains("Url", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex("(Password|Secret|ApiKey|Token|ConnectionString|FunctionKey|AccessKey)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
