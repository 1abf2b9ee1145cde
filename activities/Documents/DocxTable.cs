namespace Decoupling.Activities.Documents;

/// <summary>A table that replaces a paragraph holding only its placeholder (e.g. <c>{{items}}</c>).</summary>
public sealed record DocxTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
