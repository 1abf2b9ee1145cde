using Decoupling.Host.Jobs;
using Hangfire;

namespace Decoupling.Jobs.Tests;

/// <summary>Gives a Hangfire server the runner of one "host" (its own engine), as the host's DI container would.</summary>
internal sealed class RunnerActivator(EngineJobRunner runner) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(EngineJobRunner) ? runner : base.ActivateJob(jobType);
}
