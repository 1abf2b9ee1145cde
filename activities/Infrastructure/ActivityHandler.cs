using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Decoupling.Activities.Descriptors;
using Decoupling.Domain.Common;
using Decoupling.Domain.Idempotency;
using Decoupling.Engine.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Decoupling.Activities.Infrastructure;

/// <summary>
/// Base of every custom activity: checks the inputs against the descriptor, runs the work once per
/// <see cref="ServiceTaskContext.IdempotencyKey"/> (the result is kept in ActivityResults in the same transaction as the
/// work, so a second run returns the first run's result), and keeps a failed run from leaving half its writes behind
/// (a savepoint in the engine's transaction, or a transaction of its own). A lost race on a unique index (the audit
/// chain's next sequence number) is retried.
/// </summary>
public abstract class ActivityHandler(IServiceScopeFactory scopes) : IServiceTaskHandler
{
    private const int MaxAttempts = 8;

    public abstract ActivityDescriptor Descriptor { get; }

    public string Topic => Descriptor.Id;

    public async Task<JsonObject?> ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        var inputs = ReadInputs(context);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = ActivityScope.Open(scopes, context.Transaction, SourceOf(context));
            var previous = await scope.Db.ActivityResults.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Key == context.IdempotencyKey, cancellationToken);
            if (previous is not null)
            {
                return JsonNode.Parse(previous.ResultJson) as JsonObject;
            }

            var savepoint = "activity_" + attempt;
            IDbContextTransaction? own = null;
            if (scope.Enlisted is { } enlisted)
            {
                await enlisted.SaveAsync(savepoint, cancellationToken);
            }
            else
            {
                own = await scope.Db.Database.BeginTransactionAsync(cancellationToken);
            }

            try
            {
                var result = await RunAsync(new ActivityRun(context, inputs, scope), cancellationToken) ?? [];
                scope.Db.ActivityResults.Add(new ActivityResult
                {
                    Key = context.IdempotencyKey,
                    Topic = Topic,
                    ResultJson = result.ToJsonString(),
                    CreatedAt = Clock.Now(scope.Time),
                });
                await scope.Db.SaveChangesAsync(cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
                else
                {
                    await scope.Enlisted!.ReleaseAsync(savepoint, cancellationToken);
                }

                return result;
            }
            catch (Exception failure)
            {
                if (own is not null)
                {
                    await own.RollbackAsync(CancellationToken.None);
                }
                else
                {
                    await scope.Enlisted!.RollbackAsync(savepoint, CancellationToken.None);
                }

                if (failure is DbUpdateException && attempt < MaxAttempts)
                {
                    await Task.Delay(Random.Shared.Next(5, 40) * attempt, cancellationToken);
                    continue;
                }

                throw;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
    }

    private static JsonNode? DefaultOf(ActivityInput input, JsonObject variables) =>
        input.DefaultValue is { Length: > 3 } text && text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}')
            && text[2..^1].Trim() is var name && Regex.IsMatch(name, @"^[A-Za-z_$][\w$]*$")
            ? variables[name]
            : null;

    /// <summary>How records this step writes name it: the case's process and the step, as people read them (行业协会商会脱钩·更新登记库).</summary>
    public static string SourceOf(ServiceTaskContext context) =>
        $"{context.ProcessName ?? context.DefinitionKey}·{context.ElementName ?? context.ElementId}";

    /// <summary>The work itself; return the variables to hand back to the process.</summary>
    protected abstract Task<JsonObject?> RunAsync(ActivityRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Every declared input, from the task's input parameters or else its declared default (${variable}, as the element
    /// template fills it in). Never from a variable that merely shares the name: a user task's "outcome" is not the
    /// register outcome a service task was not given.
    /// </summary>
    private JsonObject ReadInputs(ServiceTaskContext context)
    {
        var inputs = new JsonObject();
        foreach (var input in Descriptor.Inputs)
        {
            var value = context.Inputs.TryGetPropertyValue(input.Name, out var given) ? given : DefaultOf(input, context.Variables);
            var text = value switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                _ => value.ToJsonString(),
            };
            if (input.Required && string.IsNullOrWhiteSpace(text))
            {
                throw new ActivityInputException(Topic, input.Name, "不能为空");
            }

            if (input.Pattern is not null && !string.IsNullOrEmpty(text) && !Regex.IsMatch(text, input.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                throw new ActivityInputException(Topic, input.Name, input.PatternMessage ?? $"不符合格式 {input.Pattern}");
            }

            if (input.Type == InputType.Dropdown && !string.IsNullOrEmpty(text) && input.Choices.All(c => c.Value != text))
            {
                throw new ActivityInputException(Topic, input.Name, $"只能是 {string.Join("、", input.Choices.Select(c => c.Value))}");
            }

            inputs[input.Name] = value?.DeepClone();
        }

        return inputs;
    }
}
