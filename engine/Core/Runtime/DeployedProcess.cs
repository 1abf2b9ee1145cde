using Decoupling.Engine.Entities;
using Decoupling.Engine.Model;

namespace Decoupling.Engine.Runtime;

/// <summary>A deployed version, parsed once and cached with what the runtime derives from it (reachability for joins).</summary>
internal sealed class DeployedProcess(DefinitionRecord record, ProcessDefinition process)
{
    private readonly Dictionary<string, HashSet<string>> reachable = new(StringComparer.Ordinal);

    public DefinitionRecord Record { get; } = record;
    public ProcessDefinition Process { get; } = process;

    /// <summary>
    /// The nodes reachable from <paramref name="fromId"/> by sequence flows in the same scope, boundary events included
    /// (a token in an activity can still leave by its boundary). Used by the inclusive join.
    /// </summary>
    public HashSet<string> ReachableFrom(string fromId)
    {
        lock (reachable)
        {
            if (reachable.TryGetValue(fromId, out var cached))
            {
                return cached;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<FlowNode>();
            stack.Push(Process.GetNode(fromId));
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                foreach (var next in node.Outgoing.Select(f => f.Target).Concat(node.Boundaries))
                {
                    if (seen.Add(next.Id))
                    {
                        stack.Push(next);
                    }
                }
            }

            reachable[fromId] = seen;
            return seen;
        }
    }
}
