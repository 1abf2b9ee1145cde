using System.Text.Json;
using System.Text.Json.Nodes;
using Decoupling.Engine.Parsing;
using Decoupling.Engine.Services;
using Decoupling.Engine.Simulation;

namespace Decoupling.Host.Cli;

/// <summary>
/// `simulate MAIN.bpmn [--with OTHER.bpmn ...] [--vars VARS.json] [--answers ANSWERS.json]` (DESIGN.md): runs in memory on
/// a virtual clock and prints one JSON object. Exit 0 when the run ends or waits; 2 for bad arguments or files; 1 for an
/// invalid model.
/// </summary>
public static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? main = null;
        var others = new List<string>();
        string? varsPath = null;
        string? answersPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--with" when i + 1 < args.Length:
                    others.Add(args[++i]);
                    break;
                case "--vars" when i + 1 < args.Length:
                    varsPath = args[++i];
                    break;
                case "--answers" when i + 1 < args.Length:
                    answersPath = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal) || main is not null)
                    {
                        await stderr.WriteLineAsync($"simulate: 无法识别的参数 {args[i]}。用法：simulate MAIN.bpmn [--with OTHER.bpmn ...] [--vars VARS.json] [--answers ANSWERS.json]");
                        return 2;
                    }

                    main = args[i];
                    break;
            }
        }

        if (main is null)
        {
            await stderr.WriteLineAsync("simulate: 缺少主流程文件。用法：simulate MAIN.bpmn [--with OTHER.bpmn ...] [--vars VARS.json] [--answers ANSWERS.json]");
            return 2;
        }

        try
        {
            var mainXml = await ReadAsync(main);
            var otherXml = new List<(string, string)>();
            foreach (var other in others)
            {
                otherXml.Add((Path.GetFileName(other), await ReadAsync(other)));
            }

            JsonObject? variables = null;
            if (varsPath is not null)
            {
                variables = JsonNode.Parse(await ReadAsync(varsPath)) as JsonObject
                    ?? throw new FormatException($"{varsPath}: 变量文件的顶层必须是 JSON 对象");
            }

            var answers = SimulationAnswers.Parse(answersPath is null ? null : await ReadAsync(answersPath));
            var result = await Simulator.RunAsync(mainXml, Path.GetFileName(main), otherXml, variables, answers);
            await stdout.WriteLineAsync(result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return 0;
        }
        catch (FileNotFoundException ex)
        {
            await stderr.WriteLineAsync($"simulate: 找不到文件 {ex.FileName}");
            return 2;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            await stderr.WriteLineAsync($"simulate: JSON 文件无效：{ex.Message}");
            return 2;
        }
        catch (BpmnValidationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (EngineException ex)
        {
            await stderr.WriteLineAsync($"simulate: [{ex.Code}] {ex.Message}");
            return 1;
        }
    }

    private static async Task<string> ReadAsync(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(null, path);
        }

        return await File.ReadAllTextAsync(path);
    }
}
