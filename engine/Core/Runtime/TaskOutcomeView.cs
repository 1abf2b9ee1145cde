namespace Decoupling.Engine.Runtime;

/// <summary>One declared outcome of a task (同意, 退回补正, 不予同意...) and whether choosing it needs a comment.</summary>
public sealed record TaskOutcomeView(string Id, string Name, bool CommentRequired);
