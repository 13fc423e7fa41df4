using FleetServerless.Cloud.Alerts;
using FleetServerless.Cloud.Notifications;
using FleetServerless.DevHost.Hosting;

namespace FleetServerless.DevHost.Alerts;

/// <summary>DevHost twins of the alert trigger classes in <c>FleetServerless.Functions/Alerts/</c>.</summary>
public sealed class AlertFunctionDescriptors : IFunctionDescriptorSource
{
    public IEnumerable<FunctionDescriptor> GetDescriptors() =>
    [
        FunctionDescriptor.Queue<NotificationDeliveryHandler>("AlertDelivery", AlertTriggers.DeliveryQueue,
            (handler, message, token) => handler.HandleAsync(message, token)),
        FunctionDescriptor.Timer<AlertWatchdog>("AlertWatchdog", AlertTriggers.WatchdogSchedule,
            (watchdog, token) => watchdog.RunAsync(token)),
        FunctionDescriptor.Http<AlertsHandler>("Alerts", FunctionAuthLevel.Function, "get", AlertTriggers.AlertsRoute,
            (handler, request, token) => handler.ListAsync(request, token)),
        FunctionDescriptor.Http<AlertsHandler>("AlertMutes", FunctionAuthLevel.Function, "get", AlertTriggers.MutesRoute,
            (handler, request, token) => handler.ListMutesAsync(request, token)),
        FunctionDescriptor.Http<AlertsHandler>("CreateAlertMute", FunctionAuthLevel.Function, "post", AlertTriggers.MutesRoute,
            (handler, request, token) => handler.CreateMuteAsync(request, token)),
        FunctionDescriptor.Http<AlertsHandler>("DeleteAlertMute", FunctionAuthLevel.Function, "delete", AlertTriggers.MuteRoute,
            (handler, request, token) => handler.DeleteMuteAsync(request, request.RouteValues["id"]?.ToString(), token)),
    ];
}
