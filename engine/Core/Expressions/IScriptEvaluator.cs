using System.Text.Json.Nodes;

namespace Decoupling.Engine.Expressions;

/// <summary>
/// Runs the script of a script task (JavaScript) under the same sandbox and limits as expressions. The script sees the
/// variables as globals and an <c>execution</c> object with <c>getVariable(name)</c> and <c>setVariable(name, value)</c>
/// (Camunda's names); its completion value is the result (camunda:resultVariable).
/// </summary>
/// <example><code>
/// var result = scripts.RunScript("execution.setVariable('total', a + b); a * b", variables, "Calc");
/// // result.Value = a * b, result.Changes = { "total": a + b }
/// </code></example>
public interface IScriptEvaluator
{
    ScriptResult RunScript(string script, JsonObject variables, string elementId);
}
