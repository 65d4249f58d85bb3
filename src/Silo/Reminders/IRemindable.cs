namespace Orleans;

/// <summary>A grain that can receive durable reminders. A reminder tick is a grain call: it activates the grain if needed.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
