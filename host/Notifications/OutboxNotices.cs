using System.Data.Common;
using System.Text.Json;
using Decoupling.Domain.Outbox;
using Decoupling.Engine.Entities;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Notifications;

/// <summary>
/// The engine's notices go through the transactional outbox: composed from the step's events and written on the
/// step's own transaction, so a crash after the commit loses none (the dispatcher of any node delivers them after
/// restart) and a rolled-back step sends none. After the commit the local dispatcher is woken, so they arrive at once.
/// </summary>
public sealed class OutboxNotices(OutboxDispatcher dispatcher) : IEngineListener
{
    public const string Kind = "notice";

    public async Task StepCommittingAsync(StepCommit step, CancellationToken cancellationToken)
    {
        var composer = new NoticeComposer();
        step.Replay(composer);
        if (composer.Notices.Count == 0 || step.Transaction is not DbTransaction transaction)
        {
            return;
        }

        var entries = composer.Notices.Select(n => new OutboxEntry($"{Kind}:{n.DedupKey}", Kind, JsonSerializer.Serialize(n))).ToList();
        await OutboxWriter.WriteAsync(transaction, entries, step.Now, cancellationToken);
    }

    public void TaskCreated(HumanTask task) => dispatcher.Wake();

    public void TaskUrged(HumanTask task, string by, string? comment) => dispatcher.Wake();

    public void TaskCopied(TaskCopy copy) => dispatcher.Wake();
}
