using Decoupling.Engine.Entities;
using Decoupling.Engine.Runtime;

namespace Decoupling.Application.Cases;

/// <summary>One case as the instance viewer shows it: the instance, names people read, its journal with names, incidents, sub-cases.</summary>
public sealed record CaseView(
    ProcessInstance Instance,
    string ProcessName,
    string CaseName,
    IReadOnlyList<TimelineEntry> Journal,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<CaseChild> Children,
    InstanceDiagram Diagram);
