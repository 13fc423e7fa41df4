namespace FleetServerless.Core.Alerts;

/// <summary>The unit of a rule's value and thresholds, used to format messages.</summary>
public enum AlertValueUnit
{
    /// <summary>A number of things: boards, fans, chips, batches.</summary>
    Count = 0,
    Celsius = 1,
    Percent = 2,
    Seconds = 3,
    HashesPerSecond = 4,

    /// <summary>Money per day in the currency of the profitability settings.</summary>
    CurrencyPerDay = 5,
}
