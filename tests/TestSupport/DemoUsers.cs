namespace Decoupling.TestSupport;

/// <summary>
/// Which seeded demo account (seed/users.json) works a task, from its assignee and candidate groups: the same people the
/// end-to-end and cluster drivers sign in as.
/// </summary>
public static class DemoUsers
{
    private static readonly Dictionary<string, string> UserOfGroup = new()
    {
        ["role:LeadingGroup"] = "leading",
        ["role:Evaluator"] = "evaluator",
        ["role:Auditor"] = "auditor",
        ["dept:fgj"] = "leading",
        ["dept:mzj"] = "leading.mz",
        ["dept:djck"] = "registrar",
        ["dept:sjj"] = "auditor",
        ["dept:sldxz"] = "evaluator",
    };

    /// <param name="associationUser">who works an association's own tasks (assoc:{id} groups)</param>
    /// <param name="associationId">the association <paramref name="associationUser"/> belongs to; another association's
    /// task shared with its unit (an audit's rectification) goes to the unit</param>
    public static string For(string? assignee, string candidateGroups, string associationUser, Guid? associationId = null)
    {
        if (assignee is not null)
        {
            return assignee;
        }

        foreach (var group in candidateGroups.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (group.StartsWith("assoc:", StringComparison.Ordinal))
            {
                if (associationId is null || group == "assoc:" + associationId)
                {
                    return associationUser;
                }

                continue;
            }

            if (UserOfGroup.TryGetValue(group, out var user))
            {
                return user;
            }

            // the department reviewers' user names are their department codes
            if (group.StartsWith("dept:", StringComparison.Ordinal))
            {
                return group["dept:".Length..];
            }
        }

        // no administrator may stand in: the platform lets only the task's own people work it (三员分立)
        throw new InvalidOperationException($"no demo user works a task offered to \"{candidateGroups}\" (assignee none)");
    }
}
