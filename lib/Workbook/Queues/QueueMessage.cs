namespace Workbook.Queues;

/// <summary>A message handed to a consumer by an <see cref="IMessageQueue"/>.</summary>
/// <param name="Id">The broker-assigned id; pass it to <see cref="IMessageQueue.AckAsync"/> when done.</param>
/// <param name="Payload">The text that was published.</param>
/// <param name="Redelivered">True when this message had been delivered before (read from a pending list or reclaimed).</param>
public sealed record QueueMessage(string Id, string Payload, bool Redelivered)
{
    /// <inheritdoc />
    public override string ToString() => Redelivered ? $"{Id}: {Payload} (redelivered)" : $"{Id}: {Payload}";
}
