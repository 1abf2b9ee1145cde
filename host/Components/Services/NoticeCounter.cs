namespace Decoupling.Host.Components.Services;

/// <summary>
/// Tells the top bar's bell, within one circuit, that notices were read elsewhere on the page (the 消息中心, a publication
/// opened), so its figure follows at once instead of at the next navigation or periodic check.
/// </summary>
public sealed class NoticeCounter
{
    public event Func<Task>? Changed;

    public Task ChangedAsync() => Changed?.Invoke() ?? Task.CompletedTask;
}
