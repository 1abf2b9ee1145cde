namespace Decoupling.Engine.Model.Forms;

/// <summary>One choice of an enum field (<c>camunda:value id name</c>): the id is stored, the name shown.</summary>
public sealed record FormValue(string Id, string Name);
