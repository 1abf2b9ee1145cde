namespace Decoupling.Engine.Persistence;

/// <summary>
/// How many open tasks each candidate key (a:/u:/g:, see <see cref="TaskCandidate"/>) has visible in its inbox, counting
/// only tasks with a single key (those with several are counted from the candidate rows, de-duplicated). Spread over a
/// few <see cref="Slot"/>s per key so that steps creating tasks for the same department do not queue on one row; a key's
/// count is the sum of its slots. Kept by the PostgreSQL batch of each step (an upsert adding the step's changes); SQLite
/// counts the candidate rows instead.
/// </summary>
public sealed class InboxCount
{
    public const int Slots = 16;

    public string Candidate { get; set; } = "";

    public int Slot { get; set; }

    public long Count { get; set; }
}
