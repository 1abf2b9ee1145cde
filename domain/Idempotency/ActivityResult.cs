namespace Decoupling.Domain.Idempotency;

/// <summary>
/// The result of one run of an external activity, kept under its idempotency key: a second run (retry, re-delivery)
/// returns this instead of doing the work again.
/// </summary>
public class ActivityResult
{
    public string Key { get; set; } = "";

    public string Topic { get; set; } = "";

    public string ResultJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
}
