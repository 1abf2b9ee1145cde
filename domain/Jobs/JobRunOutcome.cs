namespace Decoupling.Domain.Jobs;

public enum JobRunOutcome
{
    Running,
    Succeeded,
    Failed,
}
