namespace FleetServerless.Cloud.Alerts;

/// <summary>
/// Overrides of one rule's defaults, under <c>Alerts:Rules:&lt;rule&gt;</c> or
/// <c>Alerts:Sites:&lt;site&gt;:Rules:&lt;rule&gt;</c>. A setting left out keeps the value of the level below
/// (site over all sites over the built-in default). Values are in the rule's unit (°C, %, seconds, count).
/// </summary>
public sealed class RuleOverrideOptions
{
    /// <summary>Whether the rule is evaluated. Default: the level below (built-in: true).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The value at which the condition holds. Default: the level below.</summary>
    public double? Threshold { get; set; }

    /// <summary>The value past which the condition clears (hysteresis). Default: the level below.</summary>
    public double? ClearThreshold { get; set; }

    /// <summary>How long the condition must hold before the alert fires. Default: the level below.</summary>
    public TimeSpan? Sustain { get; set; }

    /// <summary>How long the clear condition must hold before the alert resolves. Default: the level below.</summary>
    public TimeSpan? ClearSustain { get; set; }

    /// <summary>The least time between two messages of one firing alert. Default: the level below (built-in: 6 hours).</summary>
    public TimeSpan? RepeatInterval { get; set; }
}
