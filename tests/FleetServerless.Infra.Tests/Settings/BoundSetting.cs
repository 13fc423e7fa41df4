namespace FleetServerless.Infra.Tests.Settings;

/// <summary>
/// One app setting that an options class binds, named as app settings and environment variables name it
/// (<c>Storage__TableServiceUri</c> for configuration key <c>Storage:TableServiceUri</c>).
/// </summary>
/// <param name="Name">The app setting name.</param>
/// <param name="Source">The options type and property that bind it, for failure messages.</param>
/// <param name="IsSecret">True for passwords, keys, tokens, connection strings and webhook URLs.</param>
/// <param name="IsCollection">
/// True for a list or dictionary. Its entries are named <c>Name__0</c>, <c>Name__0__Url</c> or <c>Name__key</c>,
/// so a documented placeholder entry stands for it.
/// </param>
internal sealed record BoundSetting(string Name, string Source, bool IsSecret, bool IsCollection)
{
    /// <summary>True when an app setting name is this setting or, for a collection, one of its entries.</summary>
    public bool Matches(string appSettingName) =>
        IsCollection
            ? appSettingName.StartsWith(Name + "__", StringComparison.OrdinalIgnoreCase)
            : string.Equals(appSettingName, Name, StringComparison.OrdinalIgnoreCase);
}
