using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Decoupling.Engine.Services;

namespace Decoupling.Host.Jobs;

/// <summary>
/// Runs a custom activity outside any flow for a scheduled job, with an idempotency key made from the job's name and
/// period: the activity keeps its result under that key, so a second run of the same period (a retry, another host)
/// returns the first run's result and writes nothing new.
/// </summary>
public sealed class ActivityJobRunner(IEnumerable<IServiceTaskHandler> handlers, IClock clock)
{
    public async Task<JsonObject?> RunAsync(string topic, string period, JsonObject? inputs = null, CancellationToken cancellationToken = default)
    {
        var handler = handlers.FirstOrDefault(h => h.Topic == topic) ?? throw new InvalidOperationException($"no activity for topic {topic}");
        var id = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{topic}/{period}")));
        var context = new ServiceTaskContext
        {
            InstanceId = id,
            RootInstanceId = id,
            ExecutionId = id,
            DefinitionKey = "scheduled",
            BusinessKey = period,
            ElementId = topic.Replace('.', '-'),
            ElementName = "定时任务",
            Topic = topic,
            Inputs = inputs ?? [],
            Variables = [],
            Now = clock.Now,
        };
        return await handler.ExecuteAsync(context, cancellationToken);
    }
}
