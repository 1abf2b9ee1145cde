using System.Threading.Channels;

namespace Decoupling.Host.Notifications;

/// <summary>
/// Notices raised by engine steps after they commit, handed to <see cref="NotificationWorker"/>: the step's caller does
/// not wait for the notification tables, and a slow notice never slows an approval.
/// </summary>
public sealed class NoticeQueue
{
    private readonly Channel<PendingNotice> channel = Channel.CreateBounded<PendingNotice>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public ChannelReader<PendingNotice> Reader => channel.Reader;

    public void Enqueue(PendingNotice notice) => channel.Writer.TryWrite(notice);
}
