using Decoupling.Engine.Model.Forms;

namespace Decoupling.Engine.Runtime;

/// <summary>One declared outcome of a task (同意, 退回补正, 不予同意...) and whether choosing it needs a comment.</summary>
public sealed record TaskOutcomeView(string Id, string Name, bool CommentRequired)
{
    /// <summary>The outcomes a form declares, in their order.</summary>
    public static IReadOnlyList<TaskOutcomeView> Of(FormDefinition? form) =>
        form?.Outcome?.Values.Select(v => new TaskOutcomeView(v.Id, v.Name, form.CommentRequiredFor(v.Id))).ToList() ?? [];
}
