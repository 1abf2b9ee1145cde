namespace Decoupling.Host.Cli;

/// <summary>`simulate MAIN.bpmn [--with OTHER.bpmn ...] [--vars VARS.json] [--answers ANSWERS.json]` (DESIGN.md).</summary>
public static class SimulateCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("simulate: not wired yet");
        return Task.FromResult(2);
    }
}
