using Decoupling.Engine.Entities;

namespace Decoupling.Application.Cases;

/// <summary>A case called by another (an item's review, a registration), named by what it is about.</summary>
public sealed record CaseChild(ProcessInstance Instance, string Label);
